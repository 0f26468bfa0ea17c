// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
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
internal static class Py
{
    /// <summary>Python's ordering: strings by code point, tuples item by item.</summary>
    public static int Compare<T>(T a, T b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<T>.Default.Compare(a, b);

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

    sealed class EventLoop : SynchronizationContext
    {
        public static readonly EventLoop Instance = new();
        readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback, object)> ready = new();

        EventLoop()
        {
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(this);
                foreach (var (callback, state) in ready.GetConsumingEnumerable()) callback(state);
            })
            { IsBackground = true, Name = "asyncio event loop" };
            thread.Start();
        }

        public override void Post(SendOrPostCallback callback, object state) => ready.Add((callback, state));

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
