// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cases.FstringFormats;

public static class Program
{
    public static void Main()
    {
        var name = "Ada";
        var score = 93.456;
        var count = 1234567;
        var ratio = 0.875;
        Console.WriteLine($"{name,8}|{name,-8}|{Py.Format(name, "^8")}|");
        Console.WriteLine($"{score:F2} {score:F0} {Py.Format(score, "8.3f")} {Py.Format(score, "+.1f")}");
        Console.WriteLine($"{count:N0} {Py.Format(count, ">12,")} {Py.Format(count, "08d")}");
        Console.WriteLine($"{Py.Format(ratio, ".1%")} {Py.Format(ratio, "%")}");
        Console.WriteLine($"{Py.Format(255, "x")} {Py.Format(255, "X")} {Py.Format(5, "b")} {Py.Format(8, "o")}");
        Console.WriteLine($"{Py.Format(3.14159, "e")} {Py.Format(0.000123, ".2e")}");
        Console.WriteLine($"{Py.Repr(name)} {Py.Str(new List<int> { 1, 2 })} {Py.Str(null)} {true} {Py.Str(2.0)}");
        Console.WriteLine($"{{literal braces}} {name}");
        Console.WriteLine($"{"padded",10}|{Py.Format(-3, "5d")}|{7,-4}|");
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
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
