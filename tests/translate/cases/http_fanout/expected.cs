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

    /// <summary>Python's range() as a sequence.</summary>
    public static IEnumerable<int> Range(int start, int stop, int step = 1)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step) yield return i;
    }
}
