namespace ServiceBooking.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> names the rule (for example <c>Nickname.TooShort</c>);
/// the web layer turns it into a localized message, so the Domain holds no user-facing text.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, params object[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments;
    }

    public DomainException()
        : this("Domain.Unknown")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = message;
        Arguments = [];
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }
}
