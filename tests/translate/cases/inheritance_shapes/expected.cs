// Translated from input.py by asynctranslate.
#nullable disable

using System;
using System.Collections.Generic;
using System.Linq;
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
        var largest = shapes.MaxBy(s => s.Area());
        Console.WriteLine($"largest: {largest.Name}");
    }
}
