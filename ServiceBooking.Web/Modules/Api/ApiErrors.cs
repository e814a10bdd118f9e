using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

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

        if (context.Request.ContentLength > ApiModule.MaxBodyBytes)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Api.TooLarge");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = ApiModule.MaxBodyBytes;
        }
        else
        {
            // A server that cannot limit the body (a test server, a body already being read): counted here instead.
            context.Request.Body = new LimitedBody(context.Request.Body, ApiModule.MaxBodyBytes);
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            if (Chain(error).Any(e => e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Api.TooLarge");
                return;
            }

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

    /// <summary>A request body that refuses to be read past <paramref name="limit"/> bytes, as Kestrel's own limit does.</summary>
    private sealed class LimitedBody(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge) : read;
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
