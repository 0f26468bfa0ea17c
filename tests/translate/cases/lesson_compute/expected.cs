// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Threading.Tasks;

namespace Cases.LessonCompute;

public static class Program
{
    public static async Task<int> ComputeAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(0.1)); // Task.Delay equivalent
        return 42;
    }

    public static async Task Main()
    {
        var result = await ComputeAsync();
        Console.WriteLine(result);
    }
    // Must explicitly run the event loop
    // In Jupyter notebooks or async contexts, just await:
    // result = await compute_async()
}
