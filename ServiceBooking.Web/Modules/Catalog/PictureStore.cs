using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Catalog;

/// <summary>
/// Car model pictures on disk, outside <c>wwwroot</c>. An upload is accepted by its content (PNG, JPEG or WebP
/// signature), never by its file name or declared type, and stored under a new random name.
/// </summary>
public sealed class PictureStore(IOptions<PictureOptions> options, IHostEnvironment environment) : IUploadLimit
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
    };

    public string Folder => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Checks and stores an upload; returns the stored file name, or the reason it was refused.</summary>
    public async Task<(string? FileName, PictureProblem? Problem)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        if (length <= 0)
        {
            return (null, PictureProblem.Empty);
        }

        if (length > MaxBytes)
        {
            return (null, PictureProblem.TooLarge);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            return (null, PictureProblem.TooLarge);
        }

        var extension = Detect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (extension is null)
        {
            return (null, PictureProblem.NotAPicture);
        }

        Directory.CreateDirectory(Folder);
        var name = $"{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), buffer.ToArray(), cancellationToken);
        return (name, null);
    }

    /// <summary>Stores a picture that ships with the product (the demo catalog), under its own name.</summary>
    public async Task SaveBundledAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            await File.WriteAllBytesAsync(path, content, cancellationToken);
        }
    }

    public void Delete(string? name)
    {
        if (name is not null && IsSafeName(name))
        {
            File.Delete(Path.Combine(Folder, name));
        }
    }

    /// <summary>The path of a stored picture, or null for a name that is not one of ours.</summary>
    public string? PathOf(string name)
    {
        if (!IsSafeName(name))
        {
            return null;
        }

        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>".png", ".jpg" or ".webp" from the file's first bytes; null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ".png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ".jpg";
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? ".webp" : null;
    }

    private static bool IsSafeName(string name) =>
        name.Length is > 4 and <= 80
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !name.StartsWith('.')
        && ContentTypes.ContainsKey(Path.GetExtension(name));
}

public enum PictureProblem
{
    Empty,
    TooLarge,
    NotAPicture,
}
