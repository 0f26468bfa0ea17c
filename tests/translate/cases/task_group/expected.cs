// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
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
