// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cases.BlockingCallsInAsync;

/// <summary>Blocking calls inside async def become the .NET async APIs.</summary>
public static class Program
{
    public static readonly string BaseUrl = Py.Environ("ASYNCTRANSLATE_TEST_URL");

    public static async Task<string> Poll(string name, double delay)
    {
        // time.sleep blocks the event loop; Task.Delay does not
        await Task.Delay(TimeSpan.FromSeconds(delay)); // blocks the whole event loop in Python
        return $"{name} polled";
    }

    public static async Task Main()
    {
        Console.WriteLine(await Poll("sensor", 0.01));
        var page = await http.GetStringAsync(BaseUrl + "/url2"); // requests.get blocks the event loop; HttpClient.GetStringAsync does not
        Console.WriteLine(page);
        var response = await http.GetAsync(BaseUrl + "/missing"); // requests.get blocks the event loop; HttpClient.GetAsync does not
        Console.WriteLine((int)response.StatusCode);
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
