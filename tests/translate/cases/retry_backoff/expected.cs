// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cases.RetryBackoff;

/// <summary>Retry with exponential backoff around a flaky async operation.</summary>
public static class Program
{
    public const int MaxAttempts = 5;
    public const double BaseDelay = 0.01;

    public class FlakyService
    {
        public int Failures { get; set; }
        public int Calls { get; set; }

        public FlakyService(int failures)
        {
            Failures = failures;
            Calls = 0;
        }

        public async Task<string> Fetch()
        {
            Calls += 1;
            await Task.Delay(TimeSpan.FromSeconds(0.001));
            if (Calls <= Failures)
            {
                throw new HttpRequestException($"attempt {Calls} failed");
            }
            return "payload";
        }
    }

    public static async Task<string> WithRetry(FlakyService service, int attempts = MaxAttempts)
    {
        var delay = BaseDelay;
        for (var attempt = 1; attempt < attempts + 1; attempt++)
        {
            try
            {
                return await service.Fetch();
            }
            catch (HttpRequestException e)
            {
                Console.WriteLine($"retry {attempt}: {e.Message}; waiting {delay:F2}s");
                await Task.Delay(TimeSpan.FromSeconds(delay));
                delay *= 2;
            }
        }
        throw new InvalidOperationException("gave up");
    }

    public static async Task Main()
    {
        Console.WriteLine(await WithRetry(new FlakyService(3)));
        try
        {
            await WithRetry(new FlakyService(10), attempts: 2);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"error: {e.Message}");
        }
    }
}
