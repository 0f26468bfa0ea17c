// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.EventSignal;

public static class Program
{
    public static async Task<string> Waiter(TaskCompletionSource @event, string name)
    {
        await @event.Task;
        return $"{name} saw the event";
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.WriteLine($"set before: {ready.Task.IsCompleted}");
        var waiters = Py.Range(0, 3).Select(i => Waiter(ready, $"w{i}")).ToList();
        await Task.Delay(TimeSpan.FromSeconds(0.02));
        ready.TrySetResult();
        var results = await Task.WhenAll(waiters);
        foreach (var r in results)
        {
            Console.WriteLine(r);
        }
        Console.WriteLine($"set after: {ready.Task.IsCompleted}");
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

    /// <summary>Python's range() as a sequence.</summary>
    public static IEnumerable<int> Range(int start, int stop, int step = 1)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step) yield return i;
    }
}
