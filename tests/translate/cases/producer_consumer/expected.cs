// Translated from input.py by asynctranslate.
#nullable disable

using System;
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
            await Task.Delay(TimeSpan.FromSeconds(0.01));
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
        var queue = Channel.CreateUnbounded<int>();
        var consumerTask = Consumer(queue);
        await Producer(queue, 5);
        var total = await consumerTask;
        Console.WriteLine($"consumed total: {total}");
        Console.WriteLine($"queue empty: {(queue.Reader.Count == 0)}");
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
}
