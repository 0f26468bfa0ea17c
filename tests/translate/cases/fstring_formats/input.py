def main() -> None:
    name = "Ada"
    score = 93.456
    count = 1234567
    ratio = 0.875
    print(f"{name:>8}|{name:<8}|{name:^8}|")
    print(f"{score:.2f} {score:.0f} {score:8.3f} {score:+.1f}")
    print(f"{count:,} {count:>12,} {count:08d}")
    print(f"{ratio:.1%} {ratio:%}")
    print(f"{255:x} {255:X} {5:b} {8:o}")
    print(f"{3.14159:e} {0.000123:.2e}")
    print(f"{name!r} {[1, 2]} {None} {True} {2.0}")
    print(f"{{literal braces}} {name}")
    print(f"{'padded':>10}|{-3:5d}|{7:<4}|")


main()
