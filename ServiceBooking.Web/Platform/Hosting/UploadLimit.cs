using Microsoft.AspNetCore.Http.Features;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>Something that accepts uploads up to a size (pictures; later, photos of work orders).</summary>
public interface IUploadLimit
{
    long MaxBytes { get; }
}

/// <summary>Marks a page whose request body may be as large as <typeparamref name="TLimit"/>'s uploads, and no larger.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute<TLimit> : Attribute, IUploadLimitMetadata
    where TLimit : IUploadLimit
{
    public Type Limit => typeof(TLimit);
}

public interface IUploadLimitMetadata
{
    Type Limit { get; }
}

/// <summary>
/// Limits the request body of a page marked with <see cref="UploadLimitAttribute{TLimit}"/> before anything reads it
/// (antiforgery reads the form first of all): a body declared larger than the upload limit plus a margin for the other
/// fields is refused at once with 413 and the site's error page, and a body without a declared length is cut off at the
/// same size. Files just over the limit still arrive, so the page can say so next to the field and keep what was typed;
/// what is far over it is never buffered. Every other request keeps the server's own limits.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the form's other fields and the multipart boundaries.</summary>
    public const long Margin = 1024 * 1024;

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IUploadLimitMetadata>() is not { } marked)
        {
            await next(context);
            return;
        }

        var limit = ((IUploadLimit)context.RequestServices.GetRequiredService(marked.Limit)).MaxBytes + Margin;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var body = new LimitedReadStream(context.Request.Body, limit);
        context.Request.Body = body;
        try
        {
            await next(context);
        }
        catch (Exception error) when (body.Exceeded && !context.Response.HasStarted && error is IOException or InvalidDataException or BadHttpRequestException)
        {
        }

        if (body.Exceeded && !context.Response.HasStarted)
        {
            // Whoever read the body turned the cut into an error of their own (antiforgery: 400): say what it was.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    });
}
