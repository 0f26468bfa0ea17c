// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.TaskGroup;

public static class Program
{
    public static async Task<string> Job(string name, double delay, CancellationToken cancellationToken = default)
    {
        await Py.Sleep(delay, cancellationToken);
        return $"{name} done";
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        Task<string> first = default;
        Task<string> second = default;
        {
            var tg = new Py.TaskGroup();
            first = tg.Add(Py.CreateTask(taskToken => Job("first", 0.03, cancellationToken: taskToken)));
            second = tg.Add(Py.CreateTask(taskToken => Job("second", 0.01, cancellationToken: taskToken)));
            await tg.Join();
        }
        Console.WriteLine(first.Result);
        Console.WriteLine(second.Result);
        Console.WriteLine($"both finished: {first.IsCompleted && second.IsCompleted}");
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>
    /// Task.cancel(): the task sees OperationCanceledException at its pending
    /// await once the caller yields to the loop, as in asyncio; false once it is done.
    /// </summary>
    public static bool Cancel(Task task)
    {
        if (task.IsCompleted) return false;
        if (cancellers.TryGetValue(task, out var canceller))
        {
            canceller.Requested = true;
            var source = canceller.Source;
            if (SynchronizationContext.Current is EventLoop loop) loop.Post(_ => source.Cancel(), null);
            else source.Cancel();
        }
        return true;
    }

    sealed class Canceller
    {
        public readonly CancellationTokenSource Source = new();
        public bool Requested;
    }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Task, Canceller> cancellers = new();

    /// <summary>
    /// asyncio.create_task in a program that cancels tasks: the task runs
    /// under a token of its own, and starts once its creator yields to the
    /// loop; cancelled before that, it never starts, as in asyncio.
    /// </summary>
    public static Task<T> CreateTask<T>(Func<CancellationToken, Task<T>> start)
    {
        var canceller = new Canceller();
        var task = Deferred(canceller, start);
        cancellers.AddOrUpdate(task, canceller);
        return task;
    }

    public static Task CreateTask(Func<CancellationToken, Task> start)
    {
        var canceller = new Canceller();
        var task = Deferred(canceller, start);
        cancellers.AddOrUpdate(task, canceller);
        return task;
    }

    public static Task<T> CreateTask<TArgs, T>(TArgs args, Func<TArgs, CancellationToken, Task<T>> start) =>
        CreateTask(token => start(args, token));

    public static Task CreateTask<TArgs>(TArgs args, Func<TArgs, CancellationToken, Task> start) =>
        CreateTask(token => start(args, token));

    static async Task<T> Deferred<T>(Canceller canceller, Func<CancellationToken, Task<T>> start)
    {
        await Task.Yield();
        if (canceller.Requested) throw new OperationCanceledException(canceller.Source.Token);
        return await start(canceller.Source.Token);
    }

    static async Task Deferred(Canceller canceller, Func<CancellationToken, Task> start)
    {
        await Task.Yield();
        if (canceller.Requested) throw new OperationCanceledException(canceller.Source.Token);
        await start(canceller.Source.Token);
    }

    /// <summary>
    /// asyncio's event loop: the rest of the program, and every continuation
    /// it schedules, runs on one thread in the order it becomes ready.
    /// </summary>
    public static LoopEntry EnterLoop() => default;

    // Resumes the awaiting method on the loop's thread (a Task would resume it
    // on the thread pool: .NET does not inline continuations under a context).
    public readonly struct LoopEntry : System.Runtime.CompilerServices.INotifyCompletion
    {
        public LoopEntry GetAwaiter() => this;
        public bool IsCompleted => SynchronizationContext.Current == EventLoop.Instance;
        public void OnCompleted(Action continuation) => EventLoop.Instance.Post(_ => continuation(), null);
        public void GetResult() { }
    }

    // As asyncio's loop runs with callbacks that take no time: the callbacks
    // that are ready run first; only then does the loop's clock move to the
    // earliest timer's deadline, and the timers set for that moment run, in
    // the order they were set. The clock waits for real time to catch up
    // (so sleeps last as long as in Python) but never runs ahead of the
    // schedule: .NET's own timers fire on pool threads in no guaranteed
    // order, and a late wake-up on a loaded machine, or a method's first run
    // with its JIT compilation, would otherwise merge or reorder deadlines a
    // few milliseconds apart.
    sealed class EventLoop : SynchronizationContext
    {
        public static readonly EventLoop Instance = new();
        readonly object gate = new();
        readonly Queue<(SendOrPostCallback, object)> ready = new();
        readonly PriorityQueue<Action, (long, long)> timers = new();
        readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        long timerCount, busy, now;

        EventLoop()
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "asyncio event loop" };
            thread.Start();
        }

        // Real time less the time spent running callbacks: what paces the timers.
        long RealTime() => clock.ElapsedTicks - busy;

        void Run()
        {
            SetSynchronizationContext(this);
            var batch = new List<(SendOrPostCallback, object)>();
            var due = new List<Action>();
            while (true)
            {
                lock (gate)
                {
                    while (ready.Count == 0 && !TimerDue())
                    {
                        if (timers.TryPeek(out _, out var first))
                        {
                            long wait = (first.Item1 - RealTime()) * 1000 / System.Diagnostics.Stopwatch.Frequency + 1;
                            Monitor.Wait(gate, (int)Math.Clamp(wait, 1, int.MaxValue));
                        }
                        else
                        {
                            Monitor.Wait(gate);
                        }
                    }
                    if (ready.Count > 0)
                    {
                        batch.AddRange(ready);
                        ready.Clear();
                    }
                    else
                    {
                        timers.TryPeek(out _, out var first);
                        now = Math.Max(now, first.Item1);
                        while (timers.TryPeek(out _, out var next) && next.Item1 == first.Item1) due.Add(timers.Dequeue());
                    }
                }
                long start = clock.ElapsedTicks;
                foreach (var (callback, state) in batch) callback(state);
                foreach (var fire in due) fire();
                batch.Clear();
                due.Clear();
                lock (gate) busy += clock.ElapsedTicks - start;
            }
        }

        bool TimerDue() => timers.TryPeek(out _, out var first) && first.Item1 <= RealTime();

        /// <summary>Runs `fire` on the loop once `seconds` have passed on its clock.</summary>
        public void CallLater(double seconds, Action fire)
        {
            lock (gate)
            {
                long from = Current == this ? now : Math.Max(now, RealTime());
                long deadline = from + (long)(Math.Max(0, seconds) * System.Diagnostics.Stopwatch.Frequency);
                timers.Enqueue(fire, (deadline, timerCount++));
                Monitor.Pulse(gate);
            }
        }

        public override void Post(SendOrPostCallback callback, object state)
        {
            lock (gate)
            {
                ready.Enqueue((callback, state));
                Monitor.Pulse(gate);
            }
        }

        public override void Send(SendOrPostCallback callback, object state)
        {
            if (Current == this)
            {
                callback(state);
                return;
            }
            using var done = new ManualResetEventSlim();
            Post(s => { try { callback(s); } finally { done.Set(); } }, state);
            done.Wait();
        }

        public override SynchronizationContext CreateCopy() => this;
    }

    /// <summary>Python's ExceptionGroup: str() is the message and the count of sub-exceptions.</summary>
    public sealed class ExceptionGroup : Exception
    {
        public List<Exception> Exceptions { get; }

        public ExceptionGroup(string message, List<Exception> exceptions)
            : base($"{message} ({exceptions.Count} sub-exception{(exceptions.Count == 1 ? "" : "s")})") => Exceptions = exceptions;
    }

    /// <summary>
    /// asyncio.sleep(s): on the program's event loop a timer of the loop, so
    /// that sleeps resume in the order of their deadlines, as in asyncio;
    /// elsewhere Task.Delay.
    /// </summary>
    public static Task Sleep(double seconds, CancellationToken cancellationToken = default)
    {
        if (SynchronizationContext.Current is not EventLoop loop) return Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource();
        var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        loop.CallLater(seconds, () =>
        {
            registration.Dispose();
            done.TrySetResult();
        });
        return done.Task;
    }

    /// <summary>
    /// asyncio.TaskGroup: `async with` waits for every task started in it; the
    /// first failure cancels the others, and the failures are raised together
    /// as an ExceptionGroup, as in Python.
    /// </summary>
    public sealed class TaskGroup
    {
        readonly List<Task> tasks = new();

        public Task<T> Add<T>(Task<T> task)
        {
            tasks.Add(task);
            return task;
        }

        public Task Add(Task task)
        {
            tasks.Add(task);
            return task;
        }

        public async Task Join()
        {
            var errors = new List<Exception>();
            var counted = new HashSet<Task>();
            while (true)
            {
                // By index: a task of the group may start more tasks in it.
                for (int i = 0; i < tasks.Count; ++i)
                    if (tasks[i].IsFaulted && counted.Add(tasks[i])) errors.Add(tasks[i].Exception!.InnerException!);
                if (errors.Count > 0)
                    foreach (var t in tasks) Cancel(t);
                var running = tasks.Where(t => !t.IsCompleted).ToList();
                if (running.Count == 0) break;
                await Task.WhenAny(running);
            }
            if (errors.Count > 0) throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
    }
}
