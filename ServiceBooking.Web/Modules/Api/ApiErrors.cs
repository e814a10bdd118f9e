using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// Every answer of the API that is an error is problem details, never the site's HTML error page: a body that is not
/// JSON, has a value of the wrong type or is longer than <see cref="ApiModule.MaxBodyBytes"/> is a 400 (413 for the
/// length) naming what was wrong and where; an unknown path or method a 404 or 405; a failure a 500 without details.
/// </summary>
public sealed partial class ApiErrors(RequestDelegate next, ILogger<ApiErrors> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        // A call that takes photos has the uploads' limit (UploadLimits, before this); every other its JSON's.
        var uploads = context.GetEndpoint()?.Metadata.GetMetadata<IUploadLimitMetadata>() is not null;
        if (!uploads && context.Request.ContentLength > ApiModule.MaxBodyBytes)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Api.TooLarge");
            return;
        }

        // A body without a declared length is cut off at the limit (Kestrel's own limit is the site's uploads' size).
        var uploadBody = context.Request.Body as LimitedReadStream;
        var body = new LimitedReadStream(context.Request.Body, uploads ? long.MaxValue : ApiModule.MaxBodyBytes);
        context.Request.Body = body;

        try
        {
            await next(context);
        }
        catch (Exception) when ((body.Exceeded || uploadBody?.Exceeded == true) && !context.Response.HasStarted)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Api.TooLarge");
            return;
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {

            var json = Chain(error).OfType<JsonException>().FirstOrDefault();
            var field = json?.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : string.Empty;
            await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, json is null ? "Api.BadRequest" : "Api.BadJson",
                errors: json is null ? null : new Dictionary<string, string[]> { [field] = [json.Message.Split(" Path:")[0]] });
            return;
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            LogFailed(log, context.Request.Method, context.Request.Path, error);
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Api.Failed");
            return;
        }

        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.WriteAsync(context, response.StatusCode, response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Api.NotFound",
                StatusCodes.Status405MethodNotAllowed => "Api.MethodNotAllowed",
                StatusCodes.Status415UnsupportedMediaType => "Api.UnsupportedMediaType",
                _ => "Api.BadRequest",
            });
        }
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception error);
}
