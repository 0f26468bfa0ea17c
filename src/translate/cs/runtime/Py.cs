// Python semantics the generated C# relies on. asynctranslate copies only the
// helpers a program uses into its output; each starts at a `// @helper Name`
// line, and `// @needs A B` names the helpers it calls.

// @helper Str
// @needs Repr
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

// @helper Repr
// @needs FormatFloat ExceptionName
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

// @helper FormatFloat
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

// @helper ExceptionName
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

// @helper Format
// @needs Str FormatFloat
    /// <summary>Python's format(value, spec): [[fill]align][sign][0][width][,][.precision][type].</summary>
    public static string Format(object value, string spec)
    {
        int i = 0;
        char fill = ' ', align = '\0';
        if (spec.Length >= 2 && "<>^=".Contains(spec[1])) { fill = spec[0]; align = spec[1]; i = 2; }
        else if (spec.Length >= 1 && "<>^=".Contains(spec[0])) { align = spec[0]; i = 1; }
        char sign = '-';
        if (i < spec.Length && "+- ".Contains(spec[i])) sign = spec[i++];
        bool alt = false;
        if (i < spec.Length && spec[i] == '#') { alt = true; i++; }
        if (i < spec.Length && spec[i] == '0') { if (align == '\0') { fill = '0'; align = '='; } i++; }
        int width = 0;
        while (i < spec.Length && char.IsDigit(spec[i])) width = width * 10 + (spec[i++] - '0');
        bool group = false;
        if (i < spec.Length && spec[i] == ',') { group = true; i++; }
        int precision = -1;
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            precision = 0;
            while (i < spec.Length && char.IsDigit(spec[i])) precision = precision * 10 + (spec[i++] - '0');
        }
        char type = i < spec.Length ? spec[i] : '\0';
        string body;
        bool negative = false;
        bool numeric = value is int || value is long || value is double;
        if (numeric)
        {
            double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            negative = d < 0 || (d == 0 && 1 / d < 0 && value is double);
            double a = Math.Abs(d);
            bool integer = value is int || value is long;
            string g = group ? "N" : "F";
            body = type switch
            {
                'f' or 'F' => a.ToString(g + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture),
                '%' => (a * 100).ToString(g + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture) + "%",
                'e' or 'E' => FormatExp(a, precision < 0 ? 6 : precision, type),
                'x' => (alt ? "0x" : "") + Convert.ToString((long)a, 16),
                'X' => (alt ? "0X" : "") + Convert.ToString((long)a, 16).ToUpperInvariant(),
                'b' => (alt ? "0b" : "") + Convert.ToString((long)a, 2),
                'o' => (alt ? "0o" : "") + Convert.ToString((long)a, 8),
                'g' or 'G' => FormatGeneral(a, precision < 0 ? 6 : precision, type, alt, false),
                'd' or 'n' => a.ToString(group ? "N0" : "F0", CultureInfo.InvariantCulture),
                _ when integer => a.ToString(group ? "N0" : "F0", CultureInfo.InvariantCulture),
                _ when precision >= 0 => FormatGeneral(a, precision, 'g', alt, true),
                _ => FormatFloat(a),
            };
        }
        else
        {
            body = Str(value);
            if (precision >= 0 && body.Length > precision) body = body[..precision];
            if (align == '\0') align = '<';
        }
        string signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        if (align == '\0') align = '>';
        int pad = width - body.Length - signText.Length;
        if (pad <= 0) return signText + body;
        return align switch
        {
            '<' => signText + body + new string(fill, pad),
            '^' => new string(fill, pad / 2) + signText + body + new string(fill, pad - pad / 2),
            '=' => signText + new string(fill, pad) + body,
            _ => new string(fill, pad) + signText + body,
        };
    }

    /// <summary>Python's 'g' (and, with `repr`, the float format without a type but
    /// with a precision: at least one digit after the point, scientific from
    /// precision - 1 digits before it).</summary>
    static string FormatGeneral(double a, int precision, char type, bool alt, bool repr)
    {
        int p = precision == 0 ? 1 : precision;
        string sci = FormatExp(a, p - 1, type == 'G' ? 'E' : 'e');
        int exp = a == 0 ? 0 : int.Parse(sci[(sci.IndexOfAny(new[] { 'e', 'E' }) + 1)..], CultureInfo.InvariantCulture);
        string body;
        if (exp >= -4 && exp < (repr ? p - 1 : p))
        {
            body = a.ToString("F" + Math.Max(p - 1 - exp, 0), CultureInfo.InvariantCulture);
            if (!alt && body.Contains('.')) body = body.TrimEnd('0').TrimEnd('.');
            if (repr && !body.Contains('.')) body += ".0";
            return body;
        }
        int e = sci.IndexOfAny(new[] { 'e', 'E' });
        string mantissa = sci[..e];
        if (!alt && mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        return mantissa + sci[e..];
    }

    static string FormatExp(double a, int precision, char type)
    {
        string s = a.ToString((type == 'E' ? "E" : "e") + precision, CultureInfo.InvariantCulture);
        // .NET writes e+006; Python writes e+06.
        int e = s.IndexOfAny(new[] { 'e', 'E' });
        string exp = s[(e + 2)..].TrimStart('0');
        return s[..(e + 2)] + exp.PadLeft(2, '0');
    }

// @helper Round
    /// <summary>Python's round(x, n): half to even on the exact binary value (round(2.675, 2) is 2.67).</summary>
    public static double Round(double value, int digits)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) >= 1e15) return value;
        decimal exact = decimal.Parse(value.ToString("F25", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return (double)Math.Round(exact, digits, MidpointRounding.ToEven);
    }

// @helper FloorDiv
    /// <summary>Python's // on ints: rounds toward negative infinity.</summary>
    public static int FloorDiv(int a, int b)
    {
        int q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

// @helper Mod
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

// @helper Pow
    /// <summary>Python's ** on ints.</summary>
    public static int Pow(int b, int e)
    {
        int result = 1;
        for (var i = 0; i < e; i++) result *= b;
        return result;
    }

// @helper Repeat
    /// <summary>Python's sequence * n.</summary>
    public static string Repeat(string s, int n) => n <= 0 ? "" : string.Concat(Enumerable.Repeat(s, n));

    public static List<T> Repeat<T>(List<T> items, int n)
    {
        var result = new List<T>();
        for (var i = 0; i < n; i++) result.AddRange(items);
        return result;
    }

// @helper Slice
    /// <summary>Python's s[start:stop]: negative bounds count from the end, out-of-range bounds clamp.</summary>
    public static List<T> Slice<T>(IList<T> items, int? start, int? stop)
    {
        var (from, to) = SliceBounds(items.Count, start, stop);
        var result = new List<T>();
        for (var i = from; i < to; i++) result.Add(items[i]);
        return result;
    }

    public static string Slice(string s, int? start, int? stop)
    {
        var (from, to) = SliceBounds(s.Length, start, stop);
        return from < to ? s[from..to] : "";
    }

    static (int, int) SliceBounds(int count, int? start, int? stop)
    {
        int Clamp(int v) => Math.Max(0, Math.Min(count, v < 0 ? v + count : v));
        return (Clamp(start ?? 0), Clamp(stop ?? count));
    }

    /// <summary>Python's s[start:stop:step]: the indices slice.indices(len) gives.</summary>
    public static List<T> Slice<T>(IList<T> items, int? start, int? stop, int? step)
    {
        var result = new List<T>();
        foreach (var i in SliceIndices(items.Count, start, stop, step)) result.Add(items[i]);
        return result;
    }

    public static string Slice(string s, int? start, int? stop, int? step)
    {
        var points = s.EnumerateRunes().Select(r => r.ToString()).ToList();
        return string.Concat(Slice(points, start, stop, step));
    }

    static IEnumerable<int> SliceIndices(int count, int? start, int? stop, int? step)
    {
        int by = step ?? 1;
        if (by == 0) throw new ArgumentException("slice step cannot be zero");
        int lower = by < 0 ? -1 : 0, upper = by < 0 ? count - 1 : count;
        int Bound(int? v, int missing)
        {
            if (v is not int x) return missing;
            if (x < 0) return Math.Max(x + count, lower);
            return Math.Min(x, upper);
        }
        int from = Bound(start, by < 0 ? upper : lower), to = Bound(stop, by < 0 ? lower : upper);
        for (var i = from; by > 0 ? i < to : i > to; i += by) yield return i;
    }

// @helper Sorted
// @needs Compare
    /// <summary>Python's sorted(): a stable sort into a new list; strings compare by code point.</summary>
    public static List<T> Sorted<T>(IEnumerable<T> items, bool reverse = false) =>
        (reverse ? items.OrderByDescending(x => x, Comparer<T>.Create(Compare)) : items.OrderBy(x => x, Comparer<T>.Create(Compare))).ToList();

    public static List<T> Sorted<T, K>(IEnumerable<T> items, Func<T, K> key, bool reverse = false) =>
        (reverse ? items.OrderByDescending(key, Comparer<K>.Create(Compare)) : items.OrderBy(key, Comparer<K>.Create(Compare))).ToList();

// @helper Min
// @needs Compare
    /// <summary>Python's min(): the first smallest item, in Python's ordering.</summary>
    public static T Min<T>(IEnumerable<T> items) => items.Min(Comparer<T>.Create(Compare))!;

    public static T Min<T, K>(IEnumerable<T> items, Func<T, K> key) => items.MinBy(key, Comparer<K>.Create(Compare))!;

// @helper Max
// @needs Compare
    /// <summary>Python's max(): the first largest item, in Python's ordering.</summary>
    public static T Max<T>(IEnumerable<T> items) => items.Max(Comparer<T>.Create(Compare))!;

    public static T Max<T, K>(IEnumerable<T> items, Func<T, K> key) => items.MaxBy(key, Comparer<K>.Create(Compare))!;

// @helper Compare
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

// @helper Enumerate
    /// <summary>Python's enumerate().</summary>
    public static IEnumerable<(int, T)> Enumerate<T>(IEnumerable<T> items, int start = 0)
    {
        var i = start;
        foreach (var item in items) yield return (i++, item);
    }

// @helper Range
    /// <summary>Python's range() as a sequence.</summary>
    public static IEnumerable<int> Range(int start, int stop, int step = 1)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step) yield return i;
    }

// @helper Split
    /// <summary>Python's str.split() without arguments: runs of whitespace separate.</summary>
    public static List<string> Split(string s) => s.Split((char[])null, StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>str.split(sep, maxsplit): at most maxsplit cuts (all of them when negative).</summary>
    public static List<string> Split(string s, string sep, int maxsplit)
    {
        if (sep.Length == 0) throw new ArgumentException("empty separator");
        return (maxsplit < 0 ? s.Split(sep) : s.Split(sep, maxsplit + 1)).ToList();
    }

// @helper Pop
    /// <summary>Python's list.pop() and dict.pop(key).</summary>
    public static T Pop<T>(List<T> items, int index = -1)
    {
        if (index < 0) index += items.Count;
        var item = items[index];
        items.RemoveAt(index);
        return item;
    }

    public static V Pop<K, V>(Dictionary<K, V> d, K key)
    {
        var value = d[key];
        d.Remove(key);
        return value;
    }

    /// <summary>d.pop(key, default): the default for a missing key.</summary>
    public static V Pop<K, V>(Dictionary<K, V> d, K key, V fallback) => d.Remove(key, out var v) ? v : fallback;

// @helper Count
    /// <summary>Python's str.count(sub).</summary>
    public static int Count(string s, string sub)
    {
        int n = 0;
        for (int i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + Math.Max(sub.Length, 1), StringComparison.Ordinal)) n++;
        return n;
    }

// @helper IsDigit
    /// <summary>Python's str.isdigit(): false for the empty string.</summary>
    public static bool IsDigit(string s) => s.Length > 0 && s.All(char.IsDigit);

// @helper Environ
    /// <summary>Python's os.environ[name]: a missing variable is a KeyError.</summary>
    public static string Environ(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new KeyNotFoundException(name);

// @helper GatherSettled
    /// <summary>asyncio.gather(..., return_exceptions=True): results and exceptions, in order.</summary>
    public static async Task<object[]> GatherSettled<T>(params IEnumerable<Task<T>> tasks)
    {
        var all = tasks.ToList();
        try
        {
            await Task.WhenAll(all);
        }
        catch (Exception)
        {
            // Collected per task below.
        }
        return all.Select(t => t.IsCompletedSuccessfully ? (object)t.Result : t.Exception?.InnerException ?? new OperationCanceledException()).ToArray();
    }

    /// <summary>The same over tasks without a result: None (null) for each one that completed.</summary>
    public static async Task<object[]> GatherSettled(params IEnumerable<Task> tasks)
    {
        var all = tasks.ToList();
        try
        {
            await Task.WhenAll(all);
        }
        catch (Exception)
        {
            // Collected per task below.
        }
        return all.Select(t => t.IsCompletedSuccessfully ? null : (object)(t.Exception?.InnerException ?? new OperationCanceledException())).ToArray();
    }

// @helper ToDict
    /// <summary>A dict comprehension: a repeated key keeps its first place and its last value.</summary>
    public static Dictionary<K, V> ToDict<K, V>(IEnumerable<(K, V)> pairs)
    {
        var d = new Dictionary<K, V>();
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }

// @helper DefaultDict
    /// <summary>collections.defaultdict: a missing key reads as a new empty value, which is inserted.</summary>
    public interface IDefaultDict
    {
        string Factory { get; }
    }

    public sealed class DefaultDict<K, V> : Dictionary<K, V>, IDefaultDict
    {
        public string Factory { get; }

        public DefaultDict(string factory) => Factory = factory;

        public new V this[K key]
        {
            get
            {
                if (!TryGetValue(key, out var value)) base[key] = value = Fresh();
                return value;
            }
            set => base[key] = value;
        }

        // The factory's value: "" for str, zero for numbers, a new object otherwise.
        static V Fresh() => typeof(V) == typeof(string) ? (V)(object)"" : typeof(V).IsValueType ? default : Activator.CreateInstance<V>();
    }

// @helper Unpack
    /// <summary>`a, b = items`: exactly as many items as names, else ValueError.</summary>
    public static Unpacked<T> Unpack<T>(IList<T> items, int count)
    {
        if (items.Count < count) throw new ArgumentException($"not enough values to unpack (expected {count}, got {items.Count})");
        if (items.Count > count) throw new ArgumentException($"too many values to unpack (expected {count})");
        return new Unpacked<T>(items);
    }

    public readonly struct Unpacked<T>
    {
        readonly IList<T> items;
        public Unpacked(IList<T> items) => this.items = items;
        public void Deconstruct(out T a, out T b) => (a, b) = (items[0], items[1]);
        public void Deconstruct(out T a, out T b, out T c) => (a, b, c) = (items[0], items[1], items[2]);
        public void Deconstruct(out T a, out T b, out T c, out T d) => (a, b, c, d) = (items[0], items[1], items[2], items[3]);
        public void Deconstruct(out T a, out T b, out T c, out T d, out T e) =>
            (a, b, c, d, e) = (items[0], items[1], items[2], items[3], items[4]);
        public void Deconstruct(out T a, out T b, out T c, out T d, out T e, out T f) =>
            (a, b, c, d, e, f) = (items[0], items[1], items[2], items[3], items[4], items[5]);
    }

// @helper SelectAsync
    /// <summary>`[await f(x) for x in xs]`: each element awaited in turn.</summary>
    public static async Task<List<R>> SelectAsync<T, R>(IEnumerable<T> items, Func<T, Task<R>> select)
    {
        var result = new List<R>();
        foreach (var item in items) result.Add(await select(item));
        return result;
    }

// @helper Counter
    /// <summary>collections.Counter: counts by key; a missing key reads as 0 and is not inserted.</summary>
    public sealed class Counter<K> : Dictionary<K, int>
    {
        public Counter() { }

        public Counter(IEnumerable<K> items) => Update(items);

        public new int this[K key]
        {
            get => TryGetValue(key, out var n) ? n : 0;
            set => base[key] = value;
        }

        public void Update(IEnumerable<K> items)
        {
            foreach (var item in items) this[item] = this[item] + 1;
        }

        /// <summary>Highest counts first; equal counts in insertion order (OrderByDescending is stable).</summary>
        public List<(K, int)> MostCommon(int? n = null)
        {
            var all = this.Select(kv => (kv.Key, kv.Value)).OrderByDescending(kv => kv.Value).ToList();
            return n is int k ? all.Take(Math.Max(k, 0)).ToList() : all;
        }

        public int Total() => Values.Sum();
    }

// @helper DictPop
    /// <summary>d.pop(k, None): the value, or None (null of the nullable type R) for a missing key.</summary>
    public static R DictPop<K, V, R>(Dictionary<K, V> d, K key, R none) => d.Remove(key, out var v) ? (R)(object)v! : none;

// @helper DictGet
    /// <summary>d.get(k): the value, or None (null of the nullable type R) for a missing key.</summary>
    public static R DictGet<K, V, R>(Dictionary<K, V> d, K key, R none) => d.TryGetValue(key, out var v) ? (R)(object)v : none;

// @helper Event
    /// <summary>asyncio.Event: set() wakes every waiter, clear() makes later waits block again.</summary>
    public sealed class Event
    {
        TaskCompletionSource flag = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool IsSet => flag.Task.IsCompleted;
        public void Set() => flag.TrySetResult();
        public void Clear()
        {
            if (flag.Task.IsCompleted) flag = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        public Task Wait(CancellationToken token = default) => flag.Task.WaitAsync(token);
    }

// @helper Wait
// @needs Sleep
    /// <summary>
    /// asyncio.wait: the tasks done and those still pending, once `returnWhen`
    /// holds (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION) or the timeout passes.
    /// </summary>
    public static async Task<(HashSet<T>, HashSet<T>)> Wait<T>(IEnumerable<T> tasks, double? timeout = null, string returnWhen = "ALL_COMPLETED")
        where T : Task
    {
        var all = tasks.ToList();
        if (all.Count == 0) throw new ArgumentException("Set of Tasks/Futures is empty.");
        using var stop = new CancellationTokenSource();
        Task timer = timeout is double seconds ? Sleep(seconds, stop.Token) : null;
        while (true)
        {
            int done = all.Count(t => t.IsCompleted);
            bool failed = all.Any(t => t.IsFaulted);
            if (done == all.Count || (returnWhen == "FIRST_COMPLETED" && done > 0) || (returnWhen == "FIRST_EXCEPTION" && failed)) break;
            if (timer != null && timer.IsCompleted) break;
            var waitOn = all.Where(t => !t.IsCompleted).Cast<Task>().ToList();
            if (timer != null) waitOn.Add(timer);
            await Task.WhenAny(waitOn);
        }
        stop.Cancel();
        return (new HashSet<T>(all.Where(t => t.IsCompleted)), new HashSet<T>(all.Where(t => !t.IsCompleted)));
    }

// @helper Condition
    /// <summary>
    /// asyncio.Condition: a lock (`async with cond:` holds it) whose holders
    /// wait() for a notify(), releasing the lock meanwhile and holding it again
    /// when woken, in the order they waited.
    /// </summary>
    public sealed class Condition
    {
        readonly SemaphoreSlim gate = new(1, 1);
        readonly LinkedList<TaskCompletionSource> waiters = new();

        public bool Locked => gate.CurrentCount == 0;
        public Task WaitAsync(CancellationToken token = default) => gate.WaitAsync(token);
        public async Task<bool> Acquire(CancellationToken token = default)
        {
            await gate.WaitAsync(token);
            return true;
        }

        public void Release()
        {
            if (!Locked) throw new InvalidOperationException("Lock is not acquired.");
            gate.Release();
        }

        public async Task<bool> Wait(CancellationToken token = default)
        {
            if (!Locked) throw new InvalidOperationException("cannot wait on un-acquired lock");
            var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = waiters.AddLast(woken);
            gate.Release();
            try
            {
                await woken.Task.WaitAsync(token);
            }
            finally
            {
                if (node.List != null) waiters.Remove(node);
                // Python holds the lock again even when the wait is cancelled.
                await gate.WaitAsync();
            }
            return true;
        }

        public async Task<bool> WaitFor(Func<bool> predicate, CancellationToken token = default)
        {
            while (!predicate()) await Wait(token);
            return true;
        }

        public void Notify(int n = 1)
        {
            if (!Locked) throw new InvalidOperationException("cannot notify on un-acquired lock");
            for (; n > 0 && waiters.First != null; --n)
            {
                waiters.First.Value.TrySetResult();
                waiters.RemoveFirst();
            }
        }

        public void NotifyAll() => Notify(int.MaxValue);
    }

// @helper Barrier
// @needs Condition BrokenBarrierError
    /// <summary>
    /// asyncio.Barrier(parties): Wait() returns once `parties` tasks wait, each
    /// with its arrival index; CPython's states (filling, draining, resetting,
    /// broken) on a Condition, so tasks wake in the order asyncio wakes them.
    /// </summary>
    public sealed class Barrier
    {
        enum Phase { Filling, Draining, Resetting, Broken }
        readonly Condition cond = new();
        int count;
        Phase phase = Phase.Filling;

        public Barrier(int parties)
        {
            if (parties < 1) throw new ArgumentException("parties must be > 0");
            Parties = parties;
        }

        public int Parties { get; }
        public int NWaiting => phase == Phase.Filling ? count : 0;
        public bool Broken => phase == Phase.Broken;

        public async Task<int> Wait(CancellationToken token = default)
        {
            await cond.WaitAsync(token);
            try
            {
                await cond.WaitFor(() => phase != Phase.Draining && phase != Phase.Resetting, token);
                if (phase == Phase.Broken) throw new BrokenBarrierError("Barrier aborted");
                int index = count++;
                try
                {
                    if (index + 1 == Parties)
                    {
                        phase = Phase.Draining;
                        cond.NotifyAll();
                    }
                    else
                    {
                        await cond.WaitFor(() => phase != Phase.Filling, token);
                        if (phase == Phase.Broken || phase == Phase.Resetting) throw new BrokenBarrierError("Abort or reset of barrier");
                    }
                    return index;
                }
                finally
                {
                    if (--count == 0)
                    {
                        if (phase == Phase.Resetting || phase == Phase.Draining) phase = Phase.Filling;
                        cond.NotifyAll();
                    }
                }
            }
            finally
            {
                cond.Release();
            }
        }

        public async Task Abort(CancellationToken token = default)
        {
            await cond.WaitAsync(token);
            try
            {
                phase = Phase.Broken;
                cond.NotifyAll();
            }
            finally
            {
                cond.Release();
            }
        }
    }

// @helper BrokenBarrierError
    /// <summary>asyncio.BrokenBarrierError: the barrier was aborted or reset while waiting.</summary>
    public sealed class BrokenBarrierError : InvalidOperationException
    {
        public BrokenBarrierError(string message) : base(message) { }
    }

// @helper Release
    /// <summary>Lock.release() / Semaphore.release(): releasing an unlocked Lock is a RuntimeError.</summary>
    public static void Release(SemaphoreSlim s)
    {
        try
        {
            s.Release();
        }
        catch (SemaphoreFullException)
        {
            throw new InvalidOperationException("Lock is not acquired.");
        }
    }

// @helper GatherTuple
    /// <summary>asyncio.gather of tasks with different result types: a tuple of
    /// their results in order (None, null, for a task without one).</summary>
    public static async Task<TTuple> GatherTuple<TTuple>(params Task[] tasks) where TTuple : struct, System.Runtime.CompilerServices.ITuple
    {
        await Task.WhenAll(tasks);
        var values = tasks.Select(ResultOf).ToArray();
        return (TTuple)Activator.CreateInstance(typeof(TTuple), values)!;
    }

    private static object? ResultOf(Task task)
    {
        // An `async Task` method's task is a Task<VoidTaskResult> inside: no result.
        for (var t = task.GetType(); t != null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>))
                return t.GetGenericArguments()[0].Name == "VoidTaskResult" ? null : t.GetProperty("Result")!.GetValue(task);
        return null;
    }

// @helper TaskGroup
// @needs Cancel ExceptionGroup
    /// <summary>
    /// asyncio.TaskGroup: `async with` waits for every task started in it; the
    /// first failure cancels the others, and the failures are raised together
    /// as an ExceptionGroup, as in Python.
    /// </summary>
    public sealed class TaskGroup
    {
        readonly List<Task> tasks = new();

        public Task<T> Add<T>(Task<T> task)
        {
            tasks.Add(task);
            return task;
        }

        public Task Add(Task task)
        {
            tasks.Add(task);
            return task;
        }

        public async Task Join()
        {
            var errors = new List<Exception>();
            var counted = new HashSet<Task>();
            while (true)
            {
                // By index: a task of the group may start more tasks in it.
                for (int i = 0; i < tasks.Count; ++i)
                    if (tasks[i].IsFaulted && counted.Add(tasks[i])) errors.Add(tasks[i].Exception!.InnerException!);
                if (errors.Count > 0)
                    foreach (var t in tasks) Cancel(t);
                var running = tasks.Where(t => !t.IsCompleted).ToList();
                if (running.Count == 0) break;
                await Task.WhenAny(running);
            }
            if (errors.Count > 0) throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
    }

// @helper ExceptionGroup
    /// <summary>Python's ExceptionGroup: str() is the message and the count of sub-exceptions.</summary>
    public sealed class ExceptionGroup : Exception
    {
        public List<Exception> Exceptions { get; }

        public ExceptionGroup(string message, List<Exception> exceptions)
            : base($"{message} ({exceptions.Count} sub-exception{(exceptions.Count == 1 ? "" : "s")})") => Exceptions = exceptions;
    }

// @helper InvalidStateError
    /// <summary>asyncio.InvalidStateError: a future's result set twice, or read before it is set.</summary>
    public sealed class InvalidStateError : InvalidOperationException
    {
        public InvalidStateError(string message) : base(message) { }
    }

// @helper Future
// @needs InvalidStateError
    /// <summary>
    /// asyncio.Future: completed by SetResult, SetException or Cancel; awaiting
    /// it gives the result or raises. Continuations run on the loop, not inline.
    /// </summary>
    public sealed class Future<T>
    {
        readonly TaskCompletionSource<T> source = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<T> Task => source.Task;
        public System.Runtime.CompilerServices.TaskAwaiter<T> GetAwaiter() => source.Task.GetAwaiter();
        public static implicit operator Task<T>(Future<T> f) => f.source.Task;
        public bool Done => source.Task.IsCompleted;
        public bool Cancelled => source.Task.IsCanceled;

        public void SetResult(T value)
        {
            if (!source.TrySetResult(value)) throw new InvalidStateError("invalid state");
        }

        public void SetException(Exception error)
        {
            if (!source.TrySetException(error)) throw new InvalidStateError("invalid state");
        }

        public bool Cancel() => source.TrySetCanceled();

        public T Result()
        {
            if (!source.Task.IsCompleted) throw new InvalidStateError("Result is not set.");
            return source.Task.GetAwaiter().GetResult();
        }
    }

// @helper EnterLoop
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

// @helper Spawn
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

// @helper CreateTask
    sealed class Canceller
    {
        public readonly CancellationTokenSource Source = new();
        public bool Requested;
    }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Task, Canceller> cancellers = new();

    /// <summary>
    /// asyncio.create_task in a program that cancels tasks: the task runs
    /// under a token of its own, and starts once its creator yields to the
    /// loop; cancelled before that, it never starts, as in asyncio.
    /// </summary>
    public static Task<T> CreateTask<T>(Func<CancellationToken, Task<T>> start)
    {
        var canceller = new Canceller();
        var task = Deferred(canceller, start);
        cancellers.AddOrUpdate(task, canceller);
        return task;
    }

    public static Task CreateTask(Func<CancellationToken, Task> start)
    {
        var canceller = new Canceller();
        var task = Deferred(canceller, start);
        cancellers.AddOrUpdate(task, canceller);
        return task;
    }

    public static Task<T> CreateTask<TArgs, T>(TArgs args, Func<TArgs, CancellationToken, Task<T>> start) =>
        CreateTask(token => start(args, token));

    public static Task CreateTask<TArgs>(TArgs args, Func<TArgs, CancellationToken, Task> start) =>
        CreateTask(token => start(args, token));

    static async Task<T> Deferred<T>(Canceller canceller, Func<CancellationToken, Task<T>> start)
    {
        await Task.Yield();
        if (canceller.Requested) throw new OperationCanceledException(canceller.Source.Token);
        return await start(canceller.Source.Token);
    }

    static async Task Deferred(Canceller canceller, Func<CancellationToken, Task> start)
    {
        await Task.Yield();
        if (canceller.Requested) throw new OperationCanceledException(canceller.Source.Token);
        await start(canceller.Source.Token);
    }

// @helper CancelRemaining
// @needs Cancel
    /// <summary>The end of asyncio.run: cancels the tasks still running and waits for them.</summary>
    public static async Task CancelRemaining()
    {
        var running = new List<Task>();
        foreach (var (task, _) in cancellers)
            if (!task.IsCompleted) running.Add(task);
        foreach (var task in running) Cancel(task);
        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception)
        {
            // Python gathers them with return_exceptions=True.
        }
    }

// @helper Cancel
// @needs CreateTask EnterLoop
    /// <summary>
    /// Task.cancel(): the task sees OperationCanceledException at its pending
    /// await once the caller yields to the loop, as in asyncio; false once it is done.
    /// </summary>
    public static bool Cancel(Task task)
    {
        if (task.IsCompleted) return false;
        if (cancellers.TryGetValue(task, out var canceller))
        {
            canceller.Requested = true;
            var source = canceller.Source;
            if (SynchronizationContext.Current is EventLoop loop) loop.Post(_ => source.Cancel(), null);
            else source.Cancel();
        }
        return true;
    }

// @helper WaitFor
// @needs Cancel Sleep
    /// <summary>asyncio.wait_for: on timeout the operation is cancelled, and awaited, before TimeoutException.</summary>
    public static async Task<T> WaitFor<T>(Func<CancellationToken, Task<T>> start, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = start(source.Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Sleep(timeout.TotalSeconds, stop.Token);
        if (await Task.WhenAny(task, timer) == task)
        {
            stop.Cancel();
            return await task;
        }
        cancellationToken.ThrowIfCancellationRequested();
        source.Cancel();
        Cancel(task);
        try
        {
            return await task;  // it may still finish: Python then returns its result
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException();
        }
    }

    public static async Task WaitFor(Func<CancellationToken, Task> start, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await WaitFor<bool>((Func<CancellationToken, Task<bool>>)(async token => { await start(token); return true; }), timeout, cancellationToken);

    // A ValueTask operation (a queue's ReadAsync: `wait_for(queue.get(), t)`) as a Task only here:
    // awaited directly it stays a ValueTask, whose continuations keep asyncio's order.
    public static Task<T> WaitFor<T>(Func<CancellationToken, ValueTask<T>> start, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitFor(token => start(token).AsTask(), timeout, cancellationToken);

// @helper Sleep
// @needs EnterLoop
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

// @helper Loop
    /// <summary>asyncio's running loop as a value (its methods are the runtime's).</summary>
    public sealed class Loop
    {
        public static readonly Loop Running = new();
        Loop() { }
    }

// @helper CallSoon
// @needs EnterLoop Callback
    /// <summary>loop.call_soon(f, *args): runs after the callbacks ready now, on the loop.</summary>
    public static void CallSoon(Action callback) => EventLoop.Instance.Post(_ => Callback(callback), null);

// @helper CallLater
// @needs EnterLoop Callback
    /// <summary>loop.call_later(delay, f, *args): runs on the loop once the delay has passed on its clock.</summary>
    public static void CallLater(double seconds, Action callback) => EventLoop.Instance.CallLater(seconds, () => Callback(callback));

// @helper Callback
    /// <summary>A loop callback's exception is reported and the loop goes on, as asyncio's.</summary>
    static void Callback(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Exception in callback: {e.GetType().Name}: {e.Message}");
        }
    }

// @helper Shield
    /// <summary>asyncio.shield(aw): the caller's cancellation stops its waiting, not the task.</summary>
    public static Task<T> Shield<T>(Task<T> task, CancellationToken cancellationToken = default) => task.WaitAsync(cancellationToken);
    public static Task Shield(Task task, CancellationToken cancellationToken = default) => task.WaitAsync(cancellationToken);

// @helper Random
    /// <summary>
    /// Python's `random` module, value for value: CPython's Mersenne Twister
    /// (MT19937), its seeding of an int (init_by_array over the 32-bit words of
    /// abs(seed)) and its derivations, so a seeded program draws what Python draws.
    /// </summary>
    public static class Random
    {
        const int N = 624, M = 397;
        static readonly uint[] mt = new uint[N];
        static int index = N + 1;

        static Random() => Seed(Environment.TickCount64);

        public static void Seed(long n)
        {
            ulong a = n < 0 ? (ulong)(-(n + 1)) + 1 : (ulong)n;
            var key = new List<uint>();
            for (; a != 0; a >>= 32) key.Add((uint)(a & 0xffffffff));
            if (key.Count == 0) key.Add(0);
            mt[0] = 19650218U;
            for (int k = 1; k < N; k++) mt[k] = 1812433253U * (mt[k - 1] ^ (mt[k - 1] >> 30)) + (uint)k;
            int i = 1, j = 0;
            for (int k = Math.Max(N, key.Count); k > 0; k--)
            {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j;
                i++; j++;
                if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
                if (j >= key.Count) j = 0;
            }
            for (int k = N - 1; k > 0; k--)
            {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint)i;
                i++;
                if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
            }
            mt[0] = 0x80000000U;
            index = N;
        }

        static uint Next()
        {
            if (index >= N)
            {
                for (int k = 0; k < N; k++)
                {
                    uint y = (mt[k] & 0x80000000U) | (mt[(k + 1) % N] & 0x7fffffffU);
                    mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1U) != 0 ? 0x9908b0dfU : 0U);
                }
                index = 0;
            }
            uint x = mt[index++];
            x ^= x >> 11;
            x ^= (x << 7) & 0x9d2c5680U;
            x ^= (x << 15) & 0xefc60000U;
            x ^= x >> 18;
            return x;
        }

        static ulong Bits(int k)
        {
            if (k <= 32) return Next() >> (32 - k);
            ulong lo = Next();
            ulong hi = Next() >> (64 - k);
            return lo | (hi << 32);
        }

        // Random._randbelow: rejection of getrandbits(n.bit_length()).
        static long Below(long n)
        {
            if (n <= 0) return 0;
            int k = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n);
            ulong r = Bits(k);
            while (r >= (ulong)n) r = Bits(k);
            return (long)r;
        }

        public static double Real()
        {
            uint a = Next() >> 5, b = Next() >> 6;
            return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
        }

        public static double Uniform(double a, double b) => a + (b - a) * Real();
        public static int GetRandBits(int k) => (int)Bits(k);

        public static int RandRange(int start, int stop)
        {
            if (stop <= start) throw new ArgumentException($"empty range in randrange({start}, {stop})");
            return (int)(start + Below((long)stop - start));
        }

        public static int RandRange(int stop) => RandRange(0, stop);
        public static int RandInt(int a, int b) => RandRange(a, b + 1);

        public static T Choice<T>(IReadOnlyList<T> items)
        {
            if (items.Count == 0) throw new ArgumentOutOfRangeException(null, "Cannot choose from an empty sequence");
            return items[(int)Below(items.Count)];
        }

        public static void Shuffle<T>(IList<T> items)
        {
            for (int i = items.Count - 1; i > 0; i--)
            {
                int j = (int)Below(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }

// @helper TimeoutScope
// @needs EnterLoop
    /// <summary>
    /// asyncio.timeout(delay): a token, linked to the task's, that the loop
    /// cancels at the deadline; Expired tells the deadline from a cancelled task.
    /// </summary>
    public sealed class TimeoutScope : IDisposable
    {
        readonly CancellationTokenSource source;
        readonly CancellationToken outer;
        bool expired, closed;

        public TimeoutScope(double? seconds, CancellationToken cancellationToken = default)
        {
            outer = cancellationToken;
            source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (seconds is not double s) return;
            s = Math.Max(0, s);
            if (SynchronizationContext.Current is EventLoop loop)
                loop.CallLater(s, () =>
                {
                    if (closed) return;
                    expired = true;
                    source.Cancel();
                });
            else
                source.CancelAfter(TimeSpan.FromSeconds(s));
        }

        public CancellationToken Token => source.Token;
        public bool Expired => expired || (source.IsCancellationRequested && !outer.IsCancellationRequested);

        public void Dispose()
        {
            closed = true;
            source.Dispose();
        }
    }

// @helper Timeout
// @needs Sleep
    /// <summary>asyncio.wait_for where nothing is cancelled: stops waiting after `seconds` (TimeoutException).</summary>
    public static async Task<T> Timeout<T>(Task<T> task, double seconds)
    {
        await Timeout((Task)task, seconds);
        return await task;
    }

    public static async Task Timeout(Task task, double seconds)
    {
        using var stop = new CancellationTokenSource();
        var timer = Sleep(seconds, stop.Token);
        if (await Task.WhenAny(task, timer) != task) throw new TimeoutException();
        stop.Cancel();
        await task;
    }

// @helper NewQueue
// @needs Compare
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

// @helper NewLifoQueue
// @needs NewQueue
    /// <summary>asyncio.LifoQueue(): get() takes the newest item.</summary>
    public static System.Threading.Channels.Channel<T> NewLifoQueue<T>() => new AsyncQueue<T>(0, items: new LifoChannel<T>());

    /// <summary>An unbounded channel whose reader takes the newest item first (LifoQueue).</summary>
    sealed class LifoChannel<T> : System.Threading.Channels.Channel<T>
    {
        readonly List<T> items = new();
        readonly LinkedList<TaskCompletionSource<bool>> readers = new();

        public LifoChannel()
        {
            Reader = new StackReader(this);
            Writer = new StackWriter(this);
        }

        sealed class StackReader(LifoChannel<T> c) : System.Threading.Channels.ChannelReader<T>
        {
            public override bool CanCount => true;
            public override int Count { get { lock (c.items) return c.items.Count; } }

            public override bool TryRead(out T item)
            {
                lock (c.items)
                {
                    if (c.items.Count == 0)
                    {
                        item = default;
                        return false;
                    }
                    item = c.items[^1];
                    c.items.RemoveAt(c.items.Count - 1);
                    return true;
                }
            }

            public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
            {
                lock (c.items)
                {
                    if (c.items.Count > 0) return new ValueTask<bool>(true);
                    var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    var node = c.readers.AddLast(waiter);
                    cancellationToken.Register(() =>
                    {
                        lock (c.items) if (node.List != null) c.readers.Remove(node);
                        waiter.TrySetCanceled(cancellationToken);
                    });
                    return new ValueTask<bool>(waiter.Task);
                }
            }
        }

        sealed class StackWriter(LifoChannel<T> c) : System.Threading.Channels.ChannelWriter<T>
        {
            public override bool TryWrite(T item)
            {
                TaskCompletionSource<bool> wake = null;
                lock (c.items)
                {
                    c.items.Add(item);
                    if (c.readers.First != null)
                    {
                        wake = c.readers.First.Value;
                        c.readers.RemoveFirst();
                    }
                }
                wake?.TrySetResult(true);
                return true;
            }

            public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => new(true);
        }
    }


// @helper NewPriorityQueue
// @needs NewQueue
    /// <summary>asyncio.PriorityQueue(): get() takes the smallest item, in Python's ordering.</summary>
    public static System.Threading.Channels.Channel<T> NewPriorityQueue<T>() => new AsyncQueue<T>(0, priority: true);

// @helper TaskDone
// @needs NewQueue
    /// <summary>Queue.task_done(): ValueError when called more often than items were put.</summary>
    public static void TaskDone<T>(System.Threading.Channels.Channel<T> queue)
    {
        var q = (AsyncQueue<T>)queue;
        if (q.Unfinished <= 0) throw new ArgumentException("task_done() called too many times");
        if (--q.Unfinished == 0) q.AllDone.TrySetResult();
    }

// @helper Join
// @needs NewQueue
    /// <summary>Queue.join(): until every item put has been marked done.</summary>
    public static Task Join<T>(System.Threading.Channels.Channel<T> queue) => ((AsyncQueue<T>)queue).AllDone.Task;

// @helper GetNowait
    /// <summary>Queue.get_nowait(): asyncio.QueueEmpty when there is nothing to take.</summary>
    public static T GetNowait<T>(System.Threading.Channels.Channel<T> queue) =>
        queue.Reader.TryRead(out var item) ? item : throw new InvalidOperationException("QueueEmpty");

// @helper Chars
    /// <summary>Iterating a str: one string per code point, as Python does.</summary>
    public static List<string> Chars(string s)
    {
        var out_ = new List<string>();
        foreach (var r in s.EnumerateRunes()) out_.Add(r.ToString());
        return out_;
    }

// @helper Yield
    /// <summary>asyncio.sleep(0) in a task that can be cancelled: yields, then observes the cancellation.</summary>
    public static async Task Yield(CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
    }

// @helper SetDefault
    /// <summary>Python's dict.setdefault(key, value).</summary>
    public static V SetDefault<K, V>(Dictionary<K, V> d, K key, V value)
    {
        if (!d.TryGetValue(key, out var existing)) d[key] = existing = value;
        return existing;
    }
