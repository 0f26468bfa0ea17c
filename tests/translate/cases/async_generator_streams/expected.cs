// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Cases.AsyncGeneratorStreams;

/// <summary>Async generators beyond a pipeline: early exits, a queue, finally, a method.</summary>
public static class Program
{
    public static async IAsyncEnumerable<int> Countdown(int start, int step = 1)
    {
        var n = start;
        while (n > 0)
        {
            yield return n;
            n -= step;
        }
        Console.WriteLine("countdown finished");
    }

    public static async IAsyncEnumerable<int> Evens(int limit)
    {
        for (var i = 0; i < limit; i += 2)
        {
            await Task.Yield();
            yield return i;
        }
    }

    /// <summary>Yields the queue's lines, upper-cased, until an empty one.</summary>
    public static async IAsyncEnumerable<string> Lines(Channel<string> queue)
    {
        while (true)
        {
            var line = await queue.Reader.ReadAsync();
            if (line == "")
            {
                yield break;
            }
            yield return line.ToUpperInvariant();
        }
    }

    public static async Task Producer(Channel<string> queue, List<string> words)
    {
        foreach (var w in words)
        {
            await Py.Sleep(0.001);
            await queue.Writer.WriteAsync(w);
        }
        await queue.Writer.WriteAsync("");
    }

    public static async IAsyncEnumerable<int> Guarded(int limit)
    {
        try
        {
            for (var i = 0; i < limit; i++)
            {
                await Task.Yield();
                yield return i * 10;
            }
        }
        finally
        {
            Console.WriteLine("guarded cleanup");
        }
    }

    public class Sensor
    {
        public string Name { get; set; }
        public List<double> Readings { get; set; }

        public Sensor(string name, List<double> readings)
        {
            Name = name;
            Readings = readings;
        }

        public async IAsyncEnumerable<(string, double)> Stream(double scale)
        {
            foreach (var r in Readings)
            {
                await Py.Sleep(0.001);
                yield return (Name, r * scale);
            }
        }
    }

    public static async Task<int> FirstOver(int limit, IAsyncEnumerable<int> source)
    {
        await foreach (var n in source)
        {
            if (n > limit)
            {
                return n;
            }
        }
        return -1;
    }

    public static async Task Main()
    {
        await Py.EnterLoop();
        // break leaves the generator suspended; it never finishes.
        await foreach (var n in Countdown(10, 3))
        {
            if (n < 5)
            {
                break;
            }
            Console.WriteLine($"count {n}");
        }
        await foreach (var n in Countdown(3))
        {
            Console.WriteLine($"to the end {n}");
        }

        var queue = Py.NewQueue<string>();
        var task = Py.Spawn((queue, new List<string> { "alpha", "beta", "gamma" }), spawnArgs => Producer(spawnArgs.Item1, spawnArgs.Item2));
        await foreach (var line in Lines(queue))
        {
            Console.WriteLine($"line {line}");
        }
        await task;

        var total = 0;
        await foreach (var v in Guarded(4))
        {
            if (v == 20)
            {
                continue;
            }
            total += v;
        }
        Console.WriteLine($"total {total}");

        // The generator keeps its object alive after the call returns.
        await foreach (var (name, value) in new Sensor("humidity", new List<double> { 0.5, 0.25 }).Stream(100.0))
        {
            Console.WriteLine($"{name} {Py.Str(value)}");
        }
        var sensor = new Sensor("temp", new List<double> { 20.5, 21.0, 19.75 });
        await foreach (var (name, value) in sensor.Stream(2.0))
        {
            Console.WriteLine($"{name}: {value:F2}");
        }

        Console.WriteLine($"first over 5: {await FirstOver(5, Evens(20))}");
        Console.WriteLine($"first over 50: {await FirstOver(50, Evens(20))}");
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>Python's ordering: strings by code point, tuples and lists item by item.</summary>
    public static int Compare<T>(T a, T b)
    {
        if (a is string x && b is string y) return string.CompareOrdinal(x, y);
        // .NET's own tuple and string comparers follow the culture ("b" < "B").
        if (a is System.Runtime.CompilerServices.ITuple || a is System.Collections.IList) return CompareItems(a, b);
        return Comparer<T>.Default.Compare(a, b);
    }

    static int CompareItems(object? a, object? b)
    {
        if (a is string x && b is string y) return string.CompareOrdinal(x, y);
        if (a is System.Runtime.CompilerServices.ITuple ta && b is System.Runtime.CompilerServices.ITuple tb)
        {
            for (int i = 0; i < Math.Min(ta.Length, tb.Length); i++)
            {
                int c = CompareItems(ta[i], tb[i]);
                if (c != 0) return c;
            }
            return ta.Length.CompareTo(tb.Length);
        }
        if (a is System.Collections.IList la && b is System.Collections.IList lb)
        {
            for (int i = 0; i < Math.Min(la.Count, lb.Count); i++)
            {
                int c = CompareItems(la[i], lb[i]);
                if (c != 0) return c;
            }
            return la.Count.CompareTo(lb.Count);
        }
        return Comparer<object>.Default.Compare(a, b);
    }

    /// <summary>
    /// asyncio's event loop: the rest of the program, and every continuation
    /// it schedules, runs on one thread in the order it becomes ready.
    /// </summary>
    public static LoopEntry EnterLoop() => default;

    // Resumes the awaiting method on the loop's thread (a Task would resume it
    // on the thread pool: .NET does not inline continuations under a context).
    public readonly struct LoopEntry : System.Runtime.CompilerServices.INotifyCompletion
    {
        public LoopEntry GetAwaiter() => this;
        public bool IsCompleted => SynchronizationContext.Current == EventLoop.Instance;
        public void OnCompleted(Action continuation) => EventLoop.Instance.Post(_ => continuation(), null);
        public void GetResult() { }
    }

    // As asyncio's loop runs with callbacks that take no time: the callbacks
    // that are ready run first; only then does the loop's clock move to the
    // earliest timer's deadline, and the timers set for that moment run, in
    // the order they were set. The clock waits for real time to catch up
    // (so sleeps last as long as in Python) but never runs ahead of the
    // schedule: .NET's own timers fire on pool threads in no guaranteed
    // order, and a late wake-up on a loaded machine, or a method's first run
    // with its JIT compilation, would otherwise merge or reorder deadlines a
    // few milliseconds apart.
    sealed class EventLoop : SynchronizationContext
    {
        public static readonly EventLoop Instance = new();
        readonly object gate = new();
        readonly Queue<(SendOrPostCallback, object)> ready = new();
        readonly PriorityQueue<Action, (long, long)> timers = new();
        readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        long timerCount, busy, now;

        EventLoop()
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "asyncio event loop" };
            thread.Start();
        }

        // Real time less the time spent running callbacks: what paces the timers.
        long RealTime() => clock.ElapsedTicks - busy;

        void Run()
        {
            SetSynchronizationContext(this);
            var batch = new List<(SendOrPostCallback, object)>();
            var due = new List<Action>();
            while (true)
            {
                lock (gate)
                {
                    while (ready.Count == 0 && !TimerDue())
                    {
                        if (timers.TryPeek(out _, out var first))
                        {
                            long wait = (first.Item1 - RealTime()) * 1000 / System.Diagnostics.Stopwatch.Frequency + 1;
                            Monitor.Wait(gate, (int)Math.Clamp(wait, 1, int.MaxValue));
                        }
                        else
                        {
                            Monitor.Wait(gate);
                        }
                    }
                    if (ready.Count > 0)
                    {
                        batch.AddRange(ready);
                        ready.Clear();
                    }
                    else
                    {
                        timers.TryPeek(out _, out var first);
                        now = Math.Max(now, first.Item1);
                        while (timers.TryPeek(out _, out var next) && next.Item1 == first.Item1) due.Add(timers.Dequeue());
                    }
                }
                long start = clock.ElapsedTicks;
                foreach (var (callback, state) in batch) callback(state);
                foreach (var fire in due) fire();
                batch.Clear();
                due.Clear();
                lock (gate) busy += clock.ElapsedTicks - start;
            }
        }

        bool TimerDue() => timers.TryPeek(out _, out var first) && first.Item1 <= RealTime();

        /// <summary>Runs `fire` on the loop once `seconds` have passed on its clock.</summary>
        public void CallLater(double seconds, Action fire)
        {
            lock (gate)
            {
                long from = Current == this ? now : Math.Max(now, RealTime());
                long deadline = from + (long)(Math.Max(0, seconds) * System.Diagnostics.Stopwatch.Frequency);
                timers.Enqueue(fire, (deadline, timerCount++));
                Monitor.Pulse(gate);
            }
        }

        public override void Post(SendOrPostCallback callback, object state)
        {
            lock (gate)
            {
                ready.Enqueue((callback, state));
                Monitor.Pulse(gate);
            }
        }

        public override void Send(SendOrPostCallback callback, object state)
        {
            if (Current == this)
            {
                callback(state);
                return;
            }
            using var done = new ManualResetEventSlim();
            Post(s => { try { callback(s); } finally { done.Set(); } }, state);
            done.Wait();
        }

        public override SynchronizationContext CreateCopy() => this;
    }

    /// <summary>The Python name of a .NET exception, for repr().</summary>
    public static string ExceptionName(Exception e) => e switch
    {
        TimeoutException => "TimeoutError",
        OperationCanceledException => "CancelledError",
        KeyNotFoundException => "KeyError",
        ArgumentOutOfRangeException => "IndexError",
        ArgumentException => "ValueError",
        DivideByZeroException => "ZeroDivisionError",
        InvalidOperationException => "RuntimeError",
        NotImplementedException => "NotImplementedError",
        InvalidCastException => "TypeError",
        System.Net.Http.HttpRequestException => "ConnectionError",
        _ => e.GetType() == typeof(Exception) ? "Exception" : e.GetType().Name,
    };

    /// <summary>Python's repr of a float: shortest round trip, `1.0`, `1e-05`, `1e+16`.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
        string sign = d < 0 ? "-" : "";
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(new[] { 'E', 'e' });
        string mantissa = e >= 0 ? r[..e] : r;
        int exponent = e >= 0 ? int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture) : 0;
        int dot = mantissa.IndexOf('.');
        string digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        int point = (dot >= 0 ? dot : mantissa.Length) + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        point -= lead;
        if (digits.Length == 0) digits = "0";
        int sci = point - 1;
        if (sci < -4 || sci >= 16)
        {
            string m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return sign + m + "e" + (sci < 0 ? "-" : "+") + Math.Abs(sci).ToString("00", CultureInfo.InvariantCulture);
        }
        if (point <= 0) return sign + "0." + new string('0', -point) + digits;
        if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length) + ".0";
        return sign + digits[..point] + "." + digits[point..];
    }

    /// <summary>
    /// asyncio.Queue(maxsize): a Channel that also counts the items not yet
    /// marked done, for task_done() and join().
    /// </summary>
    public static System.Threading.Channels.Channel<T> NewQueue<T>(int maxsize = 0) => new AsyncQueue<T>(maxsize);

    sealed class AsyncQueue<T> : System.Threading.Channels.Channel<T>
    {
        public int Unfinished;
        public TaskCompletionSource AllDone = new();

        public AsyncQueue(int maxsize, bool priority = false, System.Threading.Channels.Channel<T> items = null)
        {
            var inner = items ?? (priority ? System.Threading.Channels.Channel.CreateUnboundedPrioritized(
                                       new System.Threading.Channels.UnboundedPrioritizedChannelOptions<T> { Comparer = Comparer<T>.Create(Compare) })
                      : maxsize > 0 ? System.Threading.Channels.Channel.CreateBounded<T>(maxsize)
                                    : System.Threading.Channels.Channel.CreateUnbounded<T>());
            Reader = inner.Reader;
            Writer = new CountingWriter(this, inner.Writer);
            AllDone.SetResult();
        }

        sealed class CountingWriter(AsyncQueue<T> queue, System.Threading.Channels.ChannelWriter<T> inner)
            : System.Threading.Channels.ChannelWriter<T>
        {
            public override bool TryWrite(T item)
            {
                if (!inner.TryWrite(item)) return false;
                if (queue.Unfinished++ == 0) queue.AllDone = new TaskCompletionSource();
                return true;
            }

            public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
                inner.WaitToWriteAsync(cancellationToken);

            public override bool TryComplete(Exception error = null) => inner.TryComplete(error);
        }
    }

    /// <summary>Python's repr(): True, None, 0.1, [1, 2], {'a': 1}, 'text'.</summary>
    public static string Repr(object value)
    {
        switch (value)
        {
            case null: return "None";
            case bool b: return b ? "True" : "False";
            case string s: return QuoteString(s);
            case double d: return FormatFloat(d);
            case int or long: return Convert.ToString(value, CultureInfo.InvariantCulture);
            case KeyNotFoundException k: return "KeyError(" + KeyErrorText(k) + ")";
            case Exception e: return ExceptionName(e) + "(" + QuoteString(e.Message) + ")";
            case System.Text.Json.JsonElement j: return ReprJson(j);
            case IDictionary d:
            {
                var parts = new List<string>();
                foreach (DictionaryEntry kv in d) parts.Add(Repr(kv.Key) + ": " + Repr(kv.Value));
                // A Counter shows its most common keys first.
                if (d.GetType().GetMethod("MostCommon")?.Invoke(d, new object[] { null }) is IEnumerable common)
                {
                    var counted = new List<string>();
                    foreach (ITuple kv in common) counted.Add(Repr(kv[0]) + ": " + Repr(kv[1]));
                    return counted.Count == 0 ? "Counter()" : "Counter({" + string.Join(", ", counted) + "})";
                }
                var text = "{" + string.Join(", ", parts) + "}";
                return d.GetType().GetProperty("Factory")?.GetValue(d) is string factory ? $"defaultdict({factory}, {text})" : text;
            }
            case ITuple t:
            {
                var parts = new List<string>();
                for (var i = 0; i < t.Length; i++) parts.Add(Repr(t[i]));
                return "(" + string.Join(", ", parts) + (t.Length == 1 ? ",)" : ")");
            }
            case IEnumerable items:
            {
                var parts = new List<string>();
                foreach (var item in items) parts.Add(Repr(item));
                bool isSet = value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(HashSet<>);
                if (isSet) return parts.Count == 0 ? "set()" : "{" + string.Join(", ", parts) + "}";
                return "[" + string.Join(", ", parts) + "]";
            }
            default: return value.ToString();
        }
    }

    static string QuoteString(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new System.Text.StringBuilder();
        sb.Append(quote);
        foreach (char c in s)
        {
            if (c == quote || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < ' ') sb.Append("\\x").Append(((int)c).ToString("x2"));
            else sb.Append(c);
        }
        return sb.Append(quote).ToString();
    }

    static string ReprJson(System.Text.Json.JsonElement j) => j.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => QuoteString(j.GetString()),
        System.Text.Json.JsonValueKind.Number => j.TryGetInt32(out var i) ? i.ToString(CultureInfo.InvariantCulture) : FormatFloat(j.GetDouble()),
        System.Text.Json.JsonValueKind.True => "True",
        System.Text.Json.JsonValueKind.False => "False",
        System.Text.Json.JsonValueKind.Null => "None",
        System.Text.Json.JsonValueKind.Array => "[" + string.Join(", ", j.EnumerateArray().Select(ReprJson)) + "]",
        _ => "{" + string.Join(", ", j.EnumerateObject().Select(p => QuoteString(p.Name) + ": " + ReprJson(p.Value))) + "}",
    };

    /// <summary>
    /// asyncio.sleep(s): on the program's event loop a timer of the loop, so
    /// that sleeps resume in the order of their deadlines, as in asyncio;
    /// elsewhere Task.Delay.
    /// </summary>
    public static Task Sleep(double seconds, CancellationToken cancellationToken = default)
    {
        if (SynchronizationContext.Current is not EventLoop loop) return Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource();
        var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        loop.CallLater(seconds, () =>
        {
            registration.Dispose();
            done.TrySetResult();
        });
        return done.Task;
    }

    /// <summary>
    /// asyncio.create_task: the coroutine starts once its creator yields to
    /// the loop, as asyncio schedules a new task's first step (a C# async
    /// method would run at once, up to its first await).
    /// </summary>
    public static async Task<T> Spawn<T>(Func<Task<T>> start)
    {
        await Task.Yield();
        return await start();
    }

    public static async Task Spawn(Func<Task> start)
    {
        await Task.Yield();
        await start();
    }

    // The coroutine's arguments, evaluated at create_task (one value or a tuple).
    public static Task<T> Spawn<TArgs, T>(TArgs args, Func<TArgs, Task<T>> start) => Spawn(() => start(args));

    public static Task Spawn<TArgs>(TArgs args, Func<TArgs, Task> start) => Spawn(() => start(args));

    /// <summary>Python's str(): strings as they are, everything else as repr().</summary>
    public static string Str(object value) => value switch
    {
        string s => s,
        KeyNotFoundException k => KeyErrorText(k),
        Exception e => e.Message,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } j => j.GetString(),
        _ => Repr(value),
    };

    /// <summary>str(KeyError(key)) is repr(key); .NET's own message names the key in a sentence.</summary>
    static string KeyErrorText(KeyNotFoundException k)
    {
        var m = System.Text.RegularExpressions.Regex.Match(k.Message, "^The given key '(.*)' was not present in the dictionary\\.$");
        if (!m.Success) return Repr(k.Message);
        var key = m.Groups[1].Value;
        return double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? key : Repr(key);
    }
}
