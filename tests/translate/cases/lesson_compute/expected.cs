// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.LessonCompute;

public static class Program
{
    public static async Task<int> ComputeAsync()
    {
        await Py.Sleep(0.1); // Task.Delay equivalent
        return 42;
    }

    public static async Task Main()
    {
        var result = await ComputeAsync();
        Console.WriteLine(result);
    }
    // Must explicitly run the event loop
    // In Jupyter notebooks or async contexts, just await:
    // result = await compute_async()
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
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
}
