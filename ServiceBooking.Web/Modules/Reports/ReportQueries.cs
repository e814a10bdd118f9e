using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>Runs the reports' SQL on the context's connection: several statements in one round trip, read in order.</summary>
public sealed class ReportQueries(ApplicationDbContext db)
{
    public async Task<T> ReadAsync<T>(string sql, IEnumerable<NpgsqlParameter> parameters, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// The rows of one query, read as they are enumerated (synchronously, for a synchronous writer); one enumeration at a
    /// time on this context's connection.
    /// </summary>
    public IEnumerable<T> Stream<T>(string sql, IEnumerable<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> map)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            db.Database.OpenConnection();
        }

        try
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddRange(parameters.ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return map(reader);
            }
        }
        finally
        {
            if (opened)
            {
                db.Database.CloseConnection();
            }
        }
    }

    /// <summary>Every row of the current result, mapped; then moves to the next result.</summary>
    public static async Task<List<T>> RowsAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        return rows;
    }

    public static decimal Decimal(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0m : reader.GetDecimal(ordinal);

    public static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
