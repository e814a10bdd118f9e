using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Uploads;

namespace ServiceBooking.Web.Modules.Catalog;

/// <summary>Car model pictures: an <see cref="ImageFolder"/> outside <c>wwwroot</c>, where the options say.</summary>
public sealed class PictureStore(IOptions<PictureOptions> options, IHostEnvironment environment) : IUploadLimit
{
    private readonly ImageFolder _folder = new(Path.GetFullPath(options.Value.Folder, environment.ContentRootPath), options.Value.MaxBytes);

    public static IReadOnlyDictionary<string, string> ContentTypes => ImageFolder.ContentTypes;

    public string Folder => _folder.Folder;

    public long MaxBytes => _folder.MaxBytes;

    /// <summary>Checks and stores an upload; returns the stored file name, or the reason it was refused.</summary>
    public Task<(string? FileName, ImageProblem? Problem)> SaveAsync(Stream content, long length, CancellationToken cancellationToken) =>
        _folder.SaveAsync(content, length, cancellationToken);

    /// <summary>Stores a picture that ships with the product (the demo catalog), under its own name.</summary>
    public Task SaveBundledAsync(string name, byte[] content, CancellationToken cancellationToken) =>
        _folder.SaveBundledAsync(name, content, cancellationToken);

    public void Delete(string? name) => _folder.Delete(name);

    /// <summary>The path of a stored picture, or null for a name that is not one of ours.</summary>
    public string? PathOf(string name) => _folder.PathOf(name);
}
