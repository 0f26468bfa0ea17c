// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Cases.ProducerConsumer;

/// <summary>Producer/consumer over an asyncio.Queue with a sentinel to stop.</summary>
public static class Program
{
    public static readonly int Sentinel = -1;

    public static async Task Producer(Channel<int> queue, int count)
    {
        for (var i = 1; i < count + 1; i++)
        {
            await queue.Writer.WriteAsync(i * 10);
            await Task.Delay(TimeSpan.FromSeconds(0.01));
        }
        await queue.Writer.WriteAsync(Sentinel);
    }

    public static async Task<int> Consumer(Channel<int> queue)
    {
        var total = 0;
        while (true)
        {
            var item = await queue.Reader.ReadAsync();
            if (item == Sentinel)
            {
                break;
            }
            total += item;
        }
        return total;
    }

    public static async Task Main()
    {
        var queue = Channel.CreateUnbounded<int>();
        var consumerTask = Consumer(queue);
        await Producer(queue, 5);
        var total = await consumerTask;
        Console.WriteLine($"consumed total: {total}");
        Console.WriteLine($"queue empty: {(queue.Reader.Count == 0)}");
    }
}
