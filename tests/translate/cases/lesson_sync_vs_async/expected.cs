// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cases.LessonSyncVsAsync;

public static class Program
{
    // The lesson's "Sync vs Async Libraries" example as one program.
    public static readonly string Url = Py.Environ("ASYNCTRANSLATE_TEST_URL");

    public static async Task Main()
    {
        // Sync (blocks the event loop — avoid in async code)
        // requests.get blocks the event loop; HttpClient.GetAsync does not
        var response = await http.GetAsync(Url); // blocks!
        Console.WriteLine((int)response.StatusCode);
        var body = await http.GetStringAsync(Url); // requests.get blocks the event loop; HttpClient.GetStringAsync does not
        Console.WriteLine(body);

        // Async (correct for async contexts)
        string text = default;
        using (var s = new HttpClient())
        {
            using var r = await s.GetAsync(Url);
            text = await r.Content.ReadAsStringAsync();
        }
        Console.WriteLine(text);
    }

    // One HttpClient for the whole program, as .NET recommends.
    private static readonly HttpClient http = new();
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>Python's os.environ[name]: a missing variable is a KeyError.</summary>
    public static string Environ(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new KeyNotFoundException(name);
}
