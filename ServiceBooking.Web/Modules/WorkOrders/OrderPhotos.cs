using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Uploads;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>Configuration section <c>OrderPhotos</c>: where the photos of work orders are kept (outside wwwroot).</summary>
public sealed class OrderPhotoOptions
{
    public const string Section = "OrderPhotos";

    /// <summary>Folder for the photos, relative to the content root or absolute.</summary>
    public string Folder { get; set; } = "../.data/order-photos";

    /// <summary>The largest photo accepted.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}

/// <summary>
/// The photos of work orders (the car in the shop, receipts, the signed contract): JPEG, PNG or WebP checked by their
/// content, kept in an <see cref="ImageFolder"/> and served only to the order's staff. A form may carry up to
/// <see cref="MaxPerForm"/> of them (the expenses' receipts), which is the size its request may have.
/// </summary>
public sealed class OrderPhotos(IOptions<OrderPhotoOptions> options, IHostEnvironment environment) : IUploadLimit
{
    /// <summary>The most photos one form sends: one receipt per expense line.</summary>
    public const int MaxPerForm = 8;

    private readonly ImageFolder _folder = new(Path.GetFullPath(options.Value.Folder, environment.ContentRootPath), options.Value.MaxBytes);

    /// <summary>The request limit of a page that takes photos: <see cref="MaxPerForm"/> of the largest.</summary>
    public long MaxBytes => _folder.MaxBytes * MaxPerForm;

    /// <summary>
    /// Stores an uploaded photo and returns its name; an empty, oversized or non-image upload is refused with the code
    /// <c>Photo.Empty</c>, <c>Photo.TooLarge</c> (with the limit in MB) or <c>Photo.NotAnImage</c>.
    /// </summary>
    public async Task<string> SaveAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null)
        {
            throw new DomainException("Photo.Empty");
        }

        await using var content = upload.OpenReadStream();
        var (name, problem) = await _folder.SaveAsync(content, upload.Length, cancellationToken);
        return name ?? throw problem switch
        {
            ImageProblem.Empty => new DomainException("Photo.Empty"),
            ImageProblem.TooLarge => new DomainException("Photo.TooLarge", _folder.MaxBytes / (1024m * 1024m)),
            _ => new DomainException("Photo.NotAnImage"),
        };
    }

    public void Delete(string? name) => _folder.Delete(name);

    /// <summary>The path of a stored photo, or null for a name that is not one of ours.</summary>
    public string? PathOf(string name) => _folder.PathOf(name);

    public static string ContentTypeOf(string path) => ImageFolder.ContentTypes[Path.GetExtension(path)];
}
