class ValidationError(Exception):
    pass


def parse_age(text: str) -> int:
    if not text.isdigit():
        raise ValidationError(f"not a number: {text}")
    age = int(text)
    if age > 150:
        raise ValueError("too old")
    return age


def check(text: str) -> None:
    try:
        age = parse_age(text)
    except ValidationError as e:
        print("validation:", e)
    except ValueError as e:
        print("value:", e)
    else:
        print("parsed", age)
    finally:
        print("checked", text)


def main() -> None:
    for t in ["42", "abc", "200"]:
        check(t)
    try:
        try:
            raise KeyError("inner")
        finally:
            print("cleanup")
    except KeyError:
        print("caught KeyError")
    try:
        print(10 // 0)
    except ZeroDivisionError:
        print("division by zero")


main()
