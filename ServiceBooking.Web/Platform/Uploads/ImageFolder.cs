namespace ServiceBooking.Web.Platform.Uploads;

/// <summary>
/// A folder of uploaded images outside <c>wwwroot</c> (car model pictures, work order photos). An upload is accepted by
/// its content (a PNG, JPEG or WebP signature), never by its file name or declared type, and stored under a new random
/// name; names read back are checked to be such names before they touch the disk.
/// </summary>
public sealed class ImageFolder(string folder, long maxBytes)
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
    };

    public string Folder => folder;

    /// <summary>The largest file accepted.</summary>
    public long MaxBytes => maxBytes;

    /// <summary>Checks and stores an upload; returns the stored file name, or the reason it was refused.</summary>
    public async Task<(string? FileName, ImageProblem? Problem)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        if (length <= 0)
        {
            return (null, ImageProblem.Empty);
        }

        if (length > maxBytes)
        {
            return (null, ImageProblem.TooLarge);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > maxBytes)
        {
            return (null, ImageProblem.TooLarge);
        }

        var extension = Detect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (extension is null)
        {
            return (null, ImageProblem.NotAnImage);
        }

        Directory.CreateDirectory(folder);
        var name = $"{Guid.NewGuid():N}{extension}";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), buffer.ToArray(), cancellationToken);
        return (name, null);
    }

    /// <summary>Stores a file that ships with the product (the demo data), under its own name, once.</summary>
    public async Task SaveBundledAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            await File.WriteAllBytesAsync(path, content, cancellationToken);
        }
    }

    public void Delete(string? name)
    {
        if (name is not null && IsSafeName(name))
        {
            File.Delete(Path.Combine(folder, name));
        }
    }

    /// <summary>The path of a stored image, or null for a name that is not one of ours.</summary>
    public string? PathOf(string name)
    {
        if (!IsSafeName(name))
        {
            return null;
        }

        var path = Path.Combine(folder, name);
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

    /// <summary>Whether a name is one this folder could have given: letters, digits, dashes, dots and a known extension.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 4 and <= 80
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !name.StartsWith('.')
        && ContentTypes.ContainsKey(Path.GetExtension(name));
}

/// <summary>Why an upload was not stored.</summary>
public enum ImageProblem
{
    Empty,
    TooLarge,
    NotAnImage,
}
