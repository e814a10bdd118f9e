using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServiceBooking.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "days_off",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_days_off", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "labour_rates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    price_per_hour = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_labour_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oils",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    brand = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    viscosity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    price_per_litre = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_oils", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    article = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    price = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_advisors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    last_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    first_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    patronymic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_advisors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engines",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    oil_id = table.Column<int>(type: "integer", nullable: false),
                    oil_volume_litres = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    displacement_litres = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engines", x => x.id);
                    table.ForeignKey(
                        name: "fk_engines_oils_oil_id",
                        column: x => x.oil_id,
                        principalTable: "oils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "car_models",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    coefficient = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    engine_id = table.Column<int>(type: "integer", nullable: false),
                    picture = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_car_models", x => x.id);
                    table.ForeignKey(
                        name: "fk_car_models_engines_engine_id",
                        column: x => x.engine_id,
                        principalTable: "engines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cars",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    vin = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    plate = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    certificate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    sale_date = table.Column<DateOnly>(type: "date", nullable: false),
                    mileage = table.Column<int>(type: "integer", nullable: false),
                    model_id = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cars", x => x.id);
                    table.ForeignKey(
                        name: "fk_cars_car_models_model_id",
                        column: x => x.model_id,
                        principalTable: "car_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cars_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "part_car_models",
                columns: table => new
                {
                    car_model_id = table.Column<int>(type: "integer", nullable: false),
                    part_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_part_car_models", x => new { x.car_model_id, x.part_id });
                    table.ForeignKey(
                        name: "fk_part_car_models_car_models_car_model_id",
                        column: x => x.car_model_id,
                        principalTable: "car_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_part_car_models_parts_part_id",
                        column: x => x.part_id,
                        principalTable: "parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "repair_types",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    norm_hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    labour_rate_id = table.Column<int>(type: "integer", nullable: false),
                    car_model_id = table.Column<int>(type: "integer", nullable: true),
                    includes_oil_change = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repair_types", x => x.id);
                    table.ForeignKey(
                        name: "fk_repair_types_car_models_car_model_id",
                        column: x => x.car_model_id,
                        principalTable: "car_models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_repair_types_labour_rates_labour_rate_id",
                        column: x => x.labour_rate_id,
                        principalTable: "labour_rates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "repair_type_parts",
                columns: table => new
                {
                    part_id = table.Column<int>(type: "integer", nullable: false),
                    repair_type_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repair_type_parts", x => new { x.repair_type_id, x.part_id });
                    table.CheckConstraint("ck_repair_type_parts_quantity", "quantity between 1 and 100");
                    table.ForeignKey(
                        name: "fk_repair_type_parts_parts_part_id",
                        column: x => x.part_id,
                        principalTable: "parts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_repair_type_parts_repair_types_repair_type_id",
                        column: x => x.repair_type_id,
                        principalTable: "repair_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_car_models_engine_id",
                table: "car_models",
                column: "engine_id");

            migrationBuilder.CreateIndex(
                name: "ix_car_models_name",
                table: "car_models",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cars_model_id",
                table: "cars",
                column: "model_id");

            migrationBuilder.CreateIndex(
                name: "ix_cars_owner_id",
                table: "cars",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ux_cars_plate_active",
                table: "cars",
                column: "plate",
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ux_cars_vin_active",
                table: "cars",
                column: "vin",
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_days_off_date",
                table: "days_off",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_engines_code",
                table: "engines",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_engines_oil_id",
                table: "engines",
                column: "oil_id");

            migrationBuilder.CreateIndex(
                name: "ix_labour_rates_name",
                table: "labour_rates",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_oils_brand_viscosity",
                table: "oils",
                columns: new[] { "brand", "viscosity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_part_car_models_part_id",
                table: "part_car_models",
                column: "part_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_type_parts_part_id",
                table: "repair_type_parts",
                column: "part_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_types_car_model_id",
                table: "repair_types",
                column: "car_model_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_types_labour_rate_id",
                table: "repair_types",
                column: "labour_rate_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_types_name_car_model_id",
                table: "repair_types",
                columns: new[] { "name", "car_model_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cars");

            migrationBuilder.DropTable(
                name: "days_off");

            migrationBuilder.DropTable(
                name: "part_car_models");

            migrationBuilder.DropTable(
                name: "repair_type_parts");

            migrationBuilder.DropTable(
                name: "service_advisors");

            migrationBuilder.DropTable(
                name: "parts");

            migrationBuilder.DropTable(
                name: "repair_types");

            migrationBuilder.DropTable(
                name: "car_models");

            migrationBuilder.DropTable(
                name: "labour_rates");

            migrationBuilder.DropTable(
                name: "engines");

            migrationBuilder.DropTable(
                name: "oils");
        }
    }
}
