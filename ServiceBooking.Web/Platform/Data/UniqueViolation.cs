using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ServiceBooking.Web.Platform.Data;

public static class UniqueViolation
{
    /// <summary>The name of the unique index a failed save ran into, or null when the failure was something else.</summary>
    public static string? Constraint(DbUpdateException error) =>
        error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
            ? postgres.ConstraintName
            : null;
}
