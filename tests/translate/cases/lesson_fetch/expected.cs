// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cases.LessonFetch;

public static class Program
{
    // The lesson's first example, verbatim except that the URL points at the test server.
    public static async Task<string> FetchAsync(string url)
    {
        using var session = new HttpClient();
        using var response = await session.GetAsync(url);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task Main()
    {
        var data = await FetchAsync(Py.Environ("ASYNCTRANSLATE_TEST_URL"));
        Console.WriteLine(data);
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>Python's os.environ[name]: a missing variable is a KeyError.</summary>
    public static string Environ(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new KeyNotFoundException(name);
}
