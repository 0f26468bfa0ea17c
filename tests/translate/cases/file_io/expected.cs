// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Cases.FileIo;

public static class Program
{
    public static async Task Save(string path, List<string> lines)
    {
        await File.WriteAllTextAsync(path, string.Join("\n", lines)); // open().write() blocks the event loop; File.WriteAllTextAsync does not
    }

    public static async Task<List<string>> Load(string path)
    {
        var text = await File.ReadAllTextAsync(path); // open().read() blocks the event loop; File.ReadAllTextAsync does not
        return text.Split("\n").ToList();
    }

    public static async Task Main()
    {
        await Save("notes.txt", new List<string> { "first", "second", "third" });
        var lines = await Load("notes.txt");
        Console.WriteLine($"{lines.Count} lines");
        foreach (var (i, line) in Py.Enumerate(lines, 1))
        {
            Console.WriteLine($"{i}: {line.ToUpperInvariant()}");
        }
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>Python's enumerate().</summary>
    public static IEnumerable<(int, T)> Enumerate<T>(IEnumerable<T> items, int start = 0)
    {
        var i = start;
        foreach (var item in items) yield return (i++, item);
    }
}
