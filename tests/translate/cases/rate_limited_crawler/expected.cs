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

    /// <summary>Python's os.environ[name]: a missing variable is a KeyError.</summary>
    public static string Environ(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new KeyNotFoundException(name);

    /// <summary>Python's sorted(): a stable sort into a new list; strings compare by code point.</summary>
    public static List<T> Sorted<T>(IEnumerable<T> items, bool reverse = false) =>
        (reverse ? items.OrderByDescending(x => x, Comparer<T>.Create(Compare)) : items.OrderBy(x => x, Comparer<T>.Create(Compare))).ToList();

    public static List<T> Sorted<T, K>(IEnumerable<T> items, Func<T, K> key, bool reverse = false) =>
        (reverse ? items.OrderByDescending(key, Comparer<K>.Create(Compare)) : items.OrderBy(key, Comparer<K>.Create(Compare))).ToList();
}
