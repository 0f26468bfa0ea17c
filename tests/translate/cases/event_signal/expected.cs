// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
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
    /// <summary>Python's range() as a sequence.</summary>
    public static IEnumerable<int> Range(int start, int stop, int step = 1)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step) yield return i;
    }
}
