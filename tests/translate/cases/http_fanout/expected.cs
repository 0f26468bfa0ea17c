// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.HttpFanout;

/// <summary>Fan-out HTTP fetch: one session, many requests, results in order.</summary>
public static class Program
{
    public static readonly string BaseUrl = Py.Environ("ASYNCTRANSLATE_TEST_URL");

    public static async Task<string> Fetch(HttpClient session, string path)
    {
        using var response = await session.GetAsync(BaseUrl + path);
        var body = await response.Content.ReadAsStringAsync();
        return $"{path} -> {(int)response.StatusCode}: {body}";
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        var paths = Py.Range(0, 5).Select(i => $"/item/{i}").ToList();
        string[] results = default;
        using (var session = new HttpClient())
        {
            var tasks = paths.Select(p => Fetch(session, p)).ToList();
            results = await Task.WhenAll(tasks);
        }
        foreach (var line in results)
        {
            Console.WriteLine(line);
        }
        Console.WriteLine($"{results.Length} responses");
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

    /// <summary>Python's os.environ[name]: a missing variable is a KeyError.</summary>
    public static string Environ(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new KeyNotFoundException(name);

    /// <summary>Python's range() as a sequence.</summary>
    public static IEnumerable<int> Range(int start, int stop, int step = 1)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step) yield return i;
    }
}
