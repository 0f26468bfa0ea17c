// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cases.InheritanceShapes;

public static class Program
{
    public class Shape
    {
        public string Name { get; set; }

        public Shape(string name)
        {
            Name = name;
        }

        public virtual double Area()
        {
            return 0.0;
        }

        public string Describe()
        {
            return $"{Name} with area {Area():F2}";
        }
    }

    public class Circle : Shape
    {
        public double Radius { get; set; }

        public Circle(double radius) : base("circle")
        {
            Radius = radius;
        }

        public override double Area()
        {
            return Math.PI * Math.Pow(Radius, 2);
        }
    }

    public class Square : Shape
    {
        public double Side { get; set; }

        public Square(double side) : base("square")
        {
            Side = side;
        }

        public override double Area()
        {
            return Side * Side;
        }
    }

    public static void Main()
    {
        var shapes = new List<Shape> { new Circle(1.0), new Square(2.0), new Circle(0.5) };
        foreach (var s in shapes)
        {
            Console.WriteLine(s.Describe());
        }
        var total = shapes.Select(s => s.Area()).Sum();
        Console.WriteLine($"total area: {total:F3}");
        var largest = Py.Max(shapes, s => s.Area());
        Console.WriteLine($"largest: {largest.Name}");
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

    /// <summary>Python's max(): the first largest item, in Python's ordering.</summary>
    public static T Max<T>(IEnumerable<T> items) => items.Max(Comparer<T>.Create(Compare))!;

    public static T Max<T, K>(IEnumerable<T> items, Func<T, K> key) => items.MaxBy(key, Comparer<K>.Create(Compare))!;
}
