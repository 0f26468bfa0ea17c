// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Cases.ExceptionsElseFinally;

public static class Program
{
    public class ValidationError : Exception
    {
        public ValidationError(string message) : base(message)
        {
        }
    }

    public static int ParseAge(string text)
    {
        if (!Py.IsDigit(text))
        {
            throw new ValidationError($"not a number: {text}");
        }
        var age = int.Parse(text);
        if (age > 150)
        {
            throw new ArgumentException("too old");
        }
        return age;
    }

    public static void Check(string text)
    {
        int age = default;
        try
        {
            var completed = false;
            try
            {
                age = ParseAge(text);
                completed = true;
            }
            catch (ValidationError e)
            {
                Console.WriteLine($"validation: {e.Message}");
            }
            catch (ArgumentException e)
            {
                Console.WriteLine($"value: {e.Message}");
            }
            if (completed)
            {
                Console.WriteLine($"parsed {age}");
            }
        }
        finally
        {
            Console.WriteLine($"checked {text}");
        }
    }

    public static void Main()
    {
        foreach (var t in new List<string> { "42", "abc", "200" })
        {
            Check(t);
        }
        try
        {
            try
            {
                throw new KeyNotFoundException("inner");
            }
            finally
            {
                Console.WriteLine("cleanup");
            }
        }
        catch (KeyNotFoundException)
        {
            Console.WriteLine("caught KeyError");
        }
        try
        {
            Console.WriteLine(Py.FloorDiv(10, 0));
        }
        catch (DivideByZeroException)
        {
            Console.WriteLine("division by zero");
        }
    }
}

/// <summary>Python semantics used by the translated code.</summary>
public static class Py
{
    /// <summary>Python's // on ints: rounds toward negative infinity.</summary>
    public static int FloorDiv(int a, int b)
    {
        int q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    /// <summary>Python's str.isdigit(): false for the empty string.</summary>
    public static bool IsDigit(string s) => s.Length > 0 && s.All(char.IsDigit);
}
