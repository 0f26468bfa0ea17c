// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.RateLimitedCrawler;

/// <summary>Crawl pages from the test server, at most two requests at a time.</summary>
public static class Program
{
    public static readonly string BaseUrl = Py.Environ("ASYNCTRANSLATE_TEST_URL");
    public const int MaxConcurrent = 2;

    public class Crawler
    {
        public HttpClient Session { get; set; }
        public SemaphoreSlim Semaphore { get; set; }
        public Dictionary<string, string> Pages { get; set; }

        public Crawler(HttpClient session, int limit)
        {
            Session = session;
            Semaphore = new SemaphoreSlim(limit);
            Pages = new Dictionary<string, string>();
        }

        public async Task Fetch(string path)
        {
            await Semaphore.WaitAsync();
            try
            {
                using var response = await Session.GetAsync(BaseUrl + path);
                if ((int)response.StatusCode != 200)
                {
                    Console.WriteLine($"skip {path} ({(int)response.StatusCode})");
                    return;
                }
                Pages[path] = await response.Content.ReadAsStringAsync();
            }
            finally
            {
                Semaphore.Release();
            }
        }

        public async Task<int> Crawl(List<string> paths)
        {
            await Task.WhenAll(paths.Select(p => Fetch(p)).ToList());
            return Pages.Count;
        }
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        int count = default;
        Crawler crawler = default;
        using (var session = new HttpClient())
        {
            crawler = new Crawler(session, MaxConcurrent);
            count = await crawler.Crawl(new List<string> { "/url1", "/url2", "/missing", "/url3" });
        }
        Console.WriteLine($"fetched {count} pages");
        foreach (var path in Py.Sorted(crawler.Pages.Keys))
        {
            Console.WriteLine($"{path} => {crawler.Pages[path]}");
        }
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

    /// <summary>Python's os.environ[name]: a missing variable is a KeyError.</summary>
    public static string Environ(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new KeyNotFoundException(name);

    /// <summary>Python's sorted(): a stable sort into a new list; strings compare by code point.</summary>
    public static List<T> Sorted<T>(IEnumerable<T> items, bool reverse = false) =>
        (reverse ? items.OrderByDescending(x => x, Comparer<T>.Create(Compare)) : items.OrderBy(x => x, Comparer<T>.Create(Compare))).ToList();

    public static List<T> Sorted<T, K>(IEnumerable<T> items, Func<T, K> key, bool reverse = false) =>
        (reverse ? items.OrderByDescending(key, Comparer<K>.Create(Compare)) : items.OrderBy(key, Comparer<K>.Create(Compare))).ToList();
}
