namespace ServiceBooking.Web.Modules.Catalog;

/// <summary>Configuration section <c>Pictures</c>: where car model pictures are kept (outside wwwroot).</summary>
public sealed class PictureOptions
{
    public const string Section = "Pictures";

    /// <summary>Folder for uploaded pictures, relative to the content root or absolute.</summary>
    public string Folder { get; set; } = "../.data/pictures";

    public long MaxBytes { get; set; } = 2 * 1024 * 1024;
}
