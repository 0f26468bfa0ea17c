// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Cases.ProducerConsumer;

/// <summary>Producer/consumer over an asyncio.Queue with a sentinel to stop.</summary>
public static class Program
{
    public static readonly int Sentinel = -1;

    public static async Task Producer(Channel<int> queue, int count)
    {
        for (var i = 1; i < count + 1; i++)
        {
            await queue.Writer.WriteAsync(i * 10);
            await Py.Sleep(0.01);
        }
        await queue.Writer.WriteAsync(Sentinel);
    }

    public static async Task<int> Consumer(Channel<int> queue)
    {
        var total = 0;
        while (true)
        {
            var item = await queue.Reader.ReadAsync();
            if (item == Sentinel)
            {
                break;
            }
            total += item;
        }
        return total;
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        var queue = Py.NewQueue<int>();
        var consumerTask = Py.Spawn(queue, spawnArg => Consumer(spawnArg));
        await Producer(queue, 5);
        var total = await consumerTask;
        Console.WriteLine($"consumed total: {total}");
        Console.WriteLine($"queue empty: {(queue.Reader.Count == 0)}");
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>Python's ordering: strings by code point, tuples and lists item by item.</summary>
    public static int Compare<T>(T a, T b)
    {
        if (a is string x && b is string y) return string.CompareOrdinal(x, y);
        // .NET's own tuple and string comparers follow the culture ("b" < "B").
        if (a is System.Runtime.CompilerServices.ITuple || a is System.Collections.IList) return CompareItems(a, b);
        return Comparer<T>.Default.Compare(a, b);
    }

    static int CompareItems(object? a, object? b)
    {
        if (a is string x && b is string y) return string.CompareOrdinal(x, y);
        if (a is System.Runtime.CompilerServices.ITuple ta && b is System.Runtime.CompilerServices.ITuple tb)
        {
            for (int i = 0; i < Math.Min(ta.Length, tb.Length); i++)
            {
                int c = CompareItems(ta[i], tb[i]);
                if (c != 0) return c;
            }
            return ta.Length.CompareTo(tb.Length);
        }
        if (a is System.Collections.IList la && b is System.Collections.IList lb)
        {
            for (int i = 0; i < Math.Min(la.Count, lb.Count); i++)
            {
                int c = CompareItems(la[i], lb[i]);
                if (c != 0) return c;
            }
            return la.Count.CompareTo(lb.Count);
        }
        return Comparer<object>.Default.Compare(a, b);
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

    /// <summary>
    /// asyncio.Queue(maxsize): a Channel that also counts the items not yet
    /// marked done, for task_done() and join().
    /// </summary>
    public static System.Threading.Channels.Channel<T> NewQueue<T>(int maxsize = 0) => new AsyncQueue<T>(maxsize);

    sealed class AsyncQueue<T> : System.Threading.Channels.Channel<T>
    {
        public int Unfinished;
        public TaskCompletionSource AllDone = new();

        public AsyncQueue(int maxsize, bool priority = false, System.Threading.Channels.Channel<T> items = null)
        {
            var inner = items ?? (priority ? System.Threading.Channels.Channel.CreateUnboundedPrioritized(
                                       new System.Threading.Channels.UnboundedPrioritizedChannelOptions<T> { Comparer = Comparer<T>.Create(Compare) })
                      : maxsize > 0 ? System.Threading.Channels.Channel.CreateBounded<T>(maxsize)
                                    : System.Threading.Channels.Channel.CreateUnbounded<T>());
            Reader = inner.Reader;
            Writer = new CountingWriter(this, inner.Writer);
            AllDone.SetResult();
        }

        sealed class CountingWriter(AsyncQueue<T> queue, System.Threading.Channels.ChannelWriter<T> inner)
            : System.Threading.Channels.ChannelWriter<T>
        {
            public override bool TryWrite(T item)
            {
                if (!inner.TryWrite(item)) return false;
                if (queue.Unfinished++ == 0) queue.AllDone = new TaskCompletionSource();
                return true;
            }

            public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
                inner.WaitToWriteAsync(cancellationToken);

            public override bool TryComplete(Exception error = null) => inner.TryComplete(error);
        }
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
    /// asyncio.create_task: the coroutine starts once its creator yields to
    /// the loop, as asyncio schedules a new task's first step (a C# async
    /// method would run at once, up to its first await).
    /// </summary>
    public static async Task<T> Spawn<T>(Func<Task<T>> start)
    {
        await Task.Yield();
        return await start();
    }

    public static async Task Spawn(Func<Task> start)
    {
        await Task.Yield();
        await start();
    }

    // The coroutine's arguments, evaluated at create_task (one value or a tuple).
    public static Task<T> Spawn<TArgs, T>(TArgs args, Func<TArgs, Task<T>> start) => Spawn(() => start(args));

    public static Task Spawn<TArgs>(TArgs args, Func<TArgs, Task> start) => Spawn(() => start(args));
}
