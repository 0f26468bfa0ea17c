// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cases.Comprehensions;

public static class Program
{
    public static void Main()
    {
        var numbers = new List<int> { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3 };
        var squares = numbers.Select(n => n * n).ToList();
        var evens = numbers.Where(n => Py.Mod(n, 2) == 0).ToList();
        var unique = numbers.ToHashSet();
        var lengths = Py.ToDict(new List<string> { "alpha", "be", "gamma" }.Select(word => (word, word.Length)));
        var big = Py.ToDict(lengths.Select(kv => (kv.Key, kv.Value)).Where(item => { var (k, v) = item; return v > 2; }).Select(item => { var (k, v) = item; return (k, v); }));
        Console.WriteLine(Py.Str(squares));
        Console.WriteLine(Py.Str(evens));
        Console.WriteLine(Py.Str(Py.Sorted(unique)));
        Console.WriteLine(Py.Str(lengths));
        Console.WriteLine(Py.Str(big));
        Console.WriteLine(numbers.Where(n => n > 4).Sum());
        Console.WriteLine($"{(numbers.Select(n => n > 8).Any(x => x))} {(numbers.Select(n => n > 0).All(x => x))}");
        var pairs = Py.Range(0, 3).Select(n => (n, n * 2)).ToList();
        Console.WriteLine(Py.Str(pairs));
        var words = new List<string> { "kiwi", "fig", "banana" };
        Console.WriteLine(Py.Str(words.Where(w => w.Length > 3).Select(w => w.ToUpperInvariant()).ToList()));
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

    /// <summary>Python's range() as a sequence.</summary>
    public static IEnumerable<int> Range(int start, int stop, int step = 1)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step) yield return i;
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

    /// <summary>Python's sorted(): a stable sort into a new list; strings compare by code point.</summary>
    public static List<T> Sorted<T>(IEnumerable<T> items, bool reverse = false) =>
        (reverse ? items.OrderByDescending(x => x, Comparer<T>.Create(Compare)) : items.OrderBy(x => x, Comparer<T>.Create(Compare))).ToList();

    public static List<T> Sorted<T, K>(IEnumerable<T> items, Func<T, K> key, bool reverse = false) =>
        (reverse ? items.OrderByDescending(key, Comparer<K>.Create(Compare)) : items.OrderBy(key, Comparer<K>.Create(Compare))).ToList();

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

    /// <summary>A dict comprehension: a repeated key keeps its first place and its last value.</summary>
    public static Dictionary<K, V> ToDict<K, V>(IEnumerable<(K, V)> pairs)
    {
        var d = new Dictionary<K, V>();
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }
}
