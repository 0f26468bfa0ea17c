// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.RetryBackoff;

/// <summary>Retry with exponential backoff around a flaky async operation.</summary>
public static class Program
{
    public const int MaxAttempts = 5;
    public const double BaseDelay = 0.01;

    public class FlakyService
    {
        public int Failures { get; set; }
        public int Calls { get; set; }

        public FlakyService(int failures)
        {
            Failures = failures;
            Calls = 0;
        }

        public async Task<string> Fetch()
        {
            Calls += 1;
            await Py.Sleep(0.001);
            if (Calls <= Failures)
            {
                throw new HttpRequestException($"attempt {Calls} failed");
            }
            return "payload";
        }
    }

    public static async Task<string> WithRetry(FlakyService service, int attempts = MaxAttempts)
    {
        var delay = BaseDelay;
        for (var attempt = 1; attempt < attempts + 1; attempt++)
        {
            try
            {
                return await service.Fetch();
            }
            catch (HttpRequestException e)
            {
                Console.WriteLine($"retry {attempt}: {e.Message}; waiting {delay:F2}s");
                await Py.Sleep(delay);
                delay *= 2;
            }
        }
        throw new InvalidOperationException("gave up");
    }

    public static async Task Main()
    {
        Console.WriteLine(await WithRetry(new FlakyService(3)));
        try
        {
            await WithRetry(new FlakyService(10), attempts: 2);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"error: {e.Message}");
        }
    }
}

/// <summary>Python semantics used by the translated code.</summary>
internal static class Py
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

    // As asyncio's loop runs: each iteration runs the callbacks that were
    // ready when it began and the timers that are due, in deadline order
    // (ties in the order they were set). The loop's clock stands still while
    // callbacks run: in CPython they take microseconds, here the first run of
    // each method includes its JIT compilation, and counting that time would
    // reorder deadlines a few milliseconds apart (.NET's own timers fire on
    // pool threads in no guaranteed order at all).
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

        // Real time less the time spent running callbacks.
        long LoopTime() => clock.ElapsedTicks - busy;

        void Run()
        {
            SetSynchronizationContext(this);
            var batch = new List<(SendOrPostCallback, object)>();
            var due = new List<(Action, long)>();
            while (true)
            {
                lock (gate)
                {
                    while (ready.Count == 0 && !TimerDue())
                    {
                        if (timers.TryPeek(out _, out var first))
                        {
                            long wait = (first.Item1 - LoopTime()) * 1000 / System.Diagnostics.Stopwatch.Frequency + 1;
                            Monitor.Wait(gate, (int)Math.Clamp(wait, 1, int.MaxValue));
                        }
                        else
                        {
                            Monitor.Wait(gate);
                        }
                    }
                    now = LoopTime();
                    batch.AddRange(ready);
                    ready.Clear();
                    while (TimerDue())
                    {
                        timers.TryDequeue(out var fire, out var key);
                        due.Add((fire, key.Item1));
                    }
                }
                long start = clock.ElapsedTicks;
                foreach (var (callback, state) in batch) callback(state);
                foreach (var (fire, deadline) in due)
                {
                    now = deadline;  // what the timer's callbacks see as the time
                    fire();
                }
                batch.Clear();
                due.Clear();
                lock (gate) busy += clock.ElapsedTicks - start;
            }
        }

        bool TimerDue() => timers.TryPeek(out _, out var first) && first.Item1 <= LoopTime();

        /// <summary>Runs `fire` on the loop once `seconds` have passed on its clock.</summary>
        public void CallLater(double seconds, Action fire)
        {
            lock (gate)
            {
                long from = Current == this ? now : LoopTime();
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
