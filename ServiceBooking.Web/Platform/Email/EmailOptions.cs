using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace ServiceBooking.Web.Platform.Email;

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "noreply@servicebooking.local";

    public string FromName { get; set; } = "ServiceBooking";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where Development writes .eml files when no SMTP host is configured.</summary>
    public string PickupDirectory { get; set; } = "../.data/mail";
}

public sealed class SmtpOptions
{
    /// <summary>Empty means "no SMTP server": Development then writes .eml files instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
