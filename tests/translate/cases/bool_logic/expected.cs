// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Cases.BoolLogic;

public static class Program
{
    public static string Grade(int score)
    {
        if (90 <= score && score <= 100)
        {
            return "A";
        }
        else if (80 <= score && score < 90)
        {
            return "B";
        }
        else if (score >= 0 && score < 80)
        {
            return "C";
        }
        return "invalid";
    }

    public static string Describe(string name)
    {
        var label = !string.IsNullOrEmpty(name) ? name : "anonymous";
        if (name is null)
        {
            return $"no name, using {label}";
        }
        return $"name is {label}";
    }

    public static void Main()
    {
        foreach (var s in new List<int> { 95, 85, 42, 120, -1 })
        {
            Console.WriteLine($"{s} {Grade(s)}");
        }
        Console.WriteLine($"{Describe(null)} | {Describe("ada")}");
        var items = new List<int>();
        Console.WriteLine(!(items.Count > 0) ? "empty" : "full");
        items.Add(3);
        Console.WriteLine(!(items.Count > 0) ? "empty" : "full");
        var x = 5;
        Console.WriteLine($"{x > 3 && x < 10} {x < 3 || x == 5} {!(x == 5)}");
        Console.WriteLine($"{1 < x && x < 10} {10 < x && x < 20}");
        var flag = Py.Mod(x, 2) == 1;
        Console.WriteLine($"{flag} {!flag}");
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
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
