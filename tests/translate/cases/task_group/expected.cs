// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.TaskGroup;

public static class Program
{
    public static async Task<string> Job(string name, double delay)
    {
        await Task.Delay(TimeSpan.FromSeconds(delay));
        return $"{name} done";
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        Task<string> first = default;
        Task<string> second = default;
        var tg = new List<Task>();
        first = Py.Start(tg, Job("first", 0.03));
        second = Py.Start(tg, Job("second", 0.01));
        await Task.WhenAll(tg);
        Console.WriteLine(first.Result);
        Console.WriteLine(second.Result);
        Console.WriteLine($"both finished: {first.IsCompleted && second.IsCompleted}");
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

    /// <summary>TaskGroup.create_task: the task joins the group, which awaits it on exit.</summary>
    public static Task<T> Start<T>(List<Task> group, Task<T> task)
    {
        group.Add(task);
        return task;
    }

    public static Task Start(List<Task> group, Task task)
    {
        group.Add(task);
        return task;
    }
}
