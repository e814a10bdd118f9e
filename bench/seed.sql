-- The benchmark's data set, on top of the demo catalog (run the site once with Demo:Seed first).
-- psql -v today=YYYY-MM-DD -f seed.sql : 20 service advisors, 20 000 clients (password of the demo "client"),
-- 25 000 cars, the next 60 days 70 % booked and two years of past bookings (about 300 000 in all), each booked 1 to
-- 21 days ahead (by hash, in working hours), 8 % of the past ones cancelled before their visit.
\set ON_ERROR_STOP on
BEGIN;

-- 16 advisors more than the demo's four.
INSERT INTO service_advisors (last_name, first_name, patronymic, is_active)
SELECT (ARRAY['Белов','Гусев','Дроздов','Егоров','Жуков','Зайцев','Ильин','Климов','Лебедев','Медведев','Новиков','Орлов','Павлов','Романов','Сергеев','Тихонов'])[n],
       (ARRAY['Андрей','Борис','Виктор','Глеб','Денис','Евгений','Игорь','Кирилл','Леонид','Максим','Никита','Олег','Пётр','Роман','Семён','Тимур'])[n],
       'Иванович', true
FROM generate_series(1, 16) AS n;

-- 20 000 clients with confirmed emails; they share the demo client's password hash (so any can sign in).
INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp,
                   concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                   first_name, last_name, patronymic, preferred_culture, created_at, promo_opt_out)
SELECT 'bench-' || n, 'bench' || lpad(n::text, 5, '0'), upper('bench' || lpad(n::text, 5, '0')),
       'bench' || n || '@example.ru', upper('bench' || n || '@example.ru'), true,
       (SELECT password_hash FROM users WHERE user_name = 'client'), md5('s' || n), md5('c' || n),
       '+7900' || lpad(n::text, 7, '0'), false, false, true, 0,
       (ARRAY['Иван','Анна','Пётр','Мария','Олег','Елена','Сергей','Ольга'])[1 + n % 8],
       (ARRAY['Петров','Смирнов','Кузнецов','Попов','Соколов','Лебедев','Козлов','Новиков'])[1 + n % 8] || (CASE WHEN n % 2 = 0 THEN 'а' ELSE '' END),
       NULL, 'ru-RU', now(), false
FROM generate_series(1, 20000) AS n;

INSERT INTO user_roles (user_id, role_id)
SELECT 'bench-' || n, '7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0001' FROM generate_series(1, 20000) AS n;

-- 25 000 cars: one per client, a second for the first 5 000. Plates and VINs are unique and valid.
CREATE TEMP TABLE models AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM car_models;
INSERT INTO cars (owner_id, vin, plate, certificate, sale_date, mileage, model_id, is_active)
SELECT 'bench-' || (CASE WHEN n <= 20000 THEN n ELSE n - 20000 END),
       'XTA' || lpad(n::text, 14, '0'),
       substr('АВЕКМНОРСТУХ', 1 + (n / 999) % 12, 1) || lpad((1 + n % 999)::text, 3, '0')
         || substr('АВЕКМНОРСТУХ', 1 + (n / 11988) % 12, 1) || substr('АВЕКМНОРСТУХ', 1 + (n / 143856) % 12, 1) || '77',
       '77УА' || lpad(n::text, 6, '0'),
       DATE '2015-01-01' + (n % 3000), 10000 + n % 150000,
       (SELECT id FROM models WHERE k = n % (SELECT count(*) FROM models)), true
FROM generate_series(1, 25000) AS n;

-- Every cell of a day, numbered; a share of them booked by distinct clients (one booking per client per day).
CREATE TEMP TABLE slots AS SELECT (TIME '08:00' + make_interval(mins => 30 * s)) AS start_time, s FROM generate_series(0, 23) AS s;
CREATE TEMP TABLE advisors AS SELECT id, row_number() OVER (ORDER BY id) AS a FROM service_advisors;
CREATE TEMP TABLE client_cars AS SELECT DISTINCT ON (owner_id) owner_id, id AS car_id, model_id FROM cars ORDER BY owner_id, id;
CREATE TEMP TABLE client_numbers AS SELECT owner_id, car_id, model_id, row_number() OVER (ORDER BY owner_id) AS c FROM client_cars;
CREATE INDEX ON client_numbers (c);
CREATE TEMP TABLE diagnostics AS SELECT id FROM repair_types WHERE name = 'Диагностика' AND car_model_id IS NULL;

-- When each was booked: 1 to 21 days before the visit (those of the days ahead: before today), at a working-hours
-- time in Moscow; a cancelled one was cancelled between then and its visit (5 % to 95 % of the way). The quote is the
-- catalog's diagnostics (2 200 an hour, 1.0 norm-hours) at the coefficient 1.05 its 2 310 implies: 1.05 hours billed.
INSERT INTO bookings (date, start_time, advisor_id, client_id, car_id, repair_type_id, status, booked_by_id, booked_at,
                      cancelled_at, cancelled_by_id, cancelled_by_staff, cancellation_reason,
                      quote_repair_type_name, quote_labour, quote_parts, quote_oil, quote_total, quote_norm_hours)
SELECT cell.date, cell.start_time, cell.advisor_id, cn.owner_id, cn.car_id, (SELECT id FROM diagnostics),
       CASE WHEN cell.cancelled THEN 'Cancelled' ELSE 'Active' END, cn.owner_id, bk.booked_at,
       CASE WHEN cell.cancelled THEN bk.booked_at + ((cell.date + cell.start_time) AT TIME ZONE 'Europe/Moscow' - bk.booked_at) * ((5 + cell.h % 91) / 100.0) END,
       CASE WHEN cell.cancelled THEN cn.owner_id END, false, NULL,
       'Диагностика', 2310.00, 0, 0, 2310.00, 1.05
FROM (
    SELECT d.date, sl.start_time, ad.id AS advisor_id,
           -- within a day each booked cell gets its own client: (day, position) -> client number
           row_number() OVER (PARTITION BY d.date ORDER BY ad.a, sl.s) AS position,
           d.k AS day_number,
           d.date < :'today'::date AND abs(hashtext(d.date::text || ad.id || sl.s || 'x')) % 100 < 8 AS cancelled,
           abs(hashtext(d.date::text || ad.id || sl.s || 'b')) AS h
    FROM (SELECT (:'today'::date + k) AS date, k FROM generate_series(-730, 59) AS k) AS d
    CROSS JOIN advisors AS ad
    CROSS JOIN slots AS sl
    WHERE abs(hashtext(d.date::text || ad.id || sl.s)) % 100 < (CASE WHEN d.k >= 0 THEN 70 ELSE 79 END)
) AS cell
CROSS JOIN LATERAL (
    SELECT ((least(cell.date, :'today'::date) - (1 + cell.h % 21)) + time '08:00' + (cell.h / 21 % 600) * interval '1 minute')
             AT TIME ZONE 'Europe/Moscow' AS booked_at
) AS bk
JOIN client_numbers AS cn ON cn.c = 1 + ((cell.day_number + 730) * 397 + cell.position) % 20000;

COMMIT;
-- As autovacuum leaves tables that have grown for years (as seed-orders.sql and seed-pickups.sql do for theirs):
-- statistics and the visibility map, so that autovacuum is not still vacuuming 300 000 fresh bookings, with the
-- machine's two cores, while the first scenarios are measured.
VACUUM (ANALYZE);
