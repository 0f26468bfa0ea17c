// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Cases.AsyncGeneratorPipeline;

/// <summary>An async generator pipeline: source -&gt; transform -&gt; sink.</summary>
public static class Program
{
    public static async IAsyncEnumerable<int> Numbers(int limit)
    {
        for (var i = 0; i < limit; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.001));
            yield return i;
        }
    }

    public static async IAsyncEnumerable<int> Squares(IAsyncEnumerable<int> source)
    {
        await foreach (var n in source)
        {
            if (Py.Mod(n, 2) == 1)
            {
                continue;
            }
            yield return n * n;
        }
    }

    public static async Task Main()
    {
        var collected = new List<int>();
        await foreach (var value in Squares(Numbers(10)))
        {
            collected.Add(value);
            Console.WriteLine($"got {value}");
        }
        Console.WriteLine($"sum: {collected.Sum()}");
    }
}

/// <summary>Python semantics used by the translated code.</summary>
internal static class Py
{
    /// <summary>Python's % : the result takes the sign of the divisor.</summary>
    public static int Mod(int a, int b)
    {
        int r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    public static double Mod(double a, double b)
    {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }
}
