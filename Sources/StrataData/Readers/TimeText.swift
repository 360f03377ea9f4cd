/// Stream times from the text of a time column: seconds as a number, or an ISO-8601-like date.
enum TimeText {
    /// `1511544070`, `1511544070.5`, or a date `2019-10-01 00:00:00 UTC`, `2019-10-01T00:00:00Z`,
    /// `2019-10-01T02:00:00+02:00`, `2019-10-01` (UTC unless an offset is given); `divisor`
    /// converts numeric units (1000 for milliseconds).
    static func seconds(_ bytes: UnsafeBufferPointer<UInt8>, divisor: Double = 1) -> (Int64, Double)? {
        // Up to 15 digits are exact as doubles: the value the general parser gives, without it.
        if bytes.count <= 15, let whole = LineFields.digits(bytes) { return Timestamps.split(Double(whole) / divisor) }
        if let number = NumberParsing.double(bytes) { return Timestamps.split(number / divisor) }
        return date(String(decoding: bytes, as: UTF8.self).trimmingBlanks)
    }

    static func date(_ text: String) -> (Int64, Double)? {
        let chars = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= chars.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                let digit = chars[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard chars.count >= 10, let year = digits(0, 4), chars[4] == 0x2D, let month = digits(5, 2),
              chars[7] == 0x2D, let day = digits(8, 2), (1...12).contains(month),
              (1...daysInMonth(month, year: year)).contains(day) else { return nil }
        var seconds = 0
        var index = 10
        if index < chars.count && (chars[index] == 0x54 || chars[index] == 0x20) {
            guard let hour = digits(index + 1, 2), chars.count > index + 3, chars[index + 3] == 0x3A,
                  let minute = digits(index + 4, 2), hour < 24, minute < 60 else { return nil }
            seconds = hour * 3600 + minute * 60
            index += 6
            if index < chars.count && chars[index] == 0x3A {
                guard let second = digits(index + 1, 2), second < 61 else { return nil }
                seconds += second
                index += 3
                if index < chars.count && chars[index] == 0x2E {
                    index += 1
                    while index < chars.count, chars[index] &- 0x30 < 10 { index += 1 }
                }
            }
        }
        let rest = String(decoding: chars[index...], as: UTF8.self).trimmingBlanks
        var offset = 0
        switch rest {
        case "", "Z", "UTC", "GMT": break
        default:
            guard let minutes = offsetMinutes(rest) else { return nil }
            offset = minutes * 60
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return (Int64(days) * 86_400 + Int64(seconds - offset), 0)
    }

    /// Days in `month` of `year` (proleptic Gregorian: February has 29 in leap years).
    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A UTC offset `+HH:MM` or `+HHMM` (or `-`) in minutes; nil unless the hours are 00–18
    /// and the minutes 00–59 (the range ISO 8601 and every time zone database stay within).
    static func offsetMinutes(_ text: String) -> Int? {
        let chars = Array(text.utf8)
        guard let sign = chars.first, sign == 0x2B || sign == 0x2D else { return nil }
        let body: [UInt8]
        switch chars.count {
        case 6 where chars[3] == 0x3A: body = [chars[1], chars[2], chars[4], chars[5]]
        case 5: body = Array(chars[1...])
        default: return nil
        }
        guard body.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        let hours = Int(body[0] - 0x30) * 10 + Int(body[1] - 0x30)
        let minutes = Int(body[2] - 0x30) * 10 + Int(body[3] - 0x30)
        guard hours <= 18, minutes <= 59 else { return nil }
        return (sign == 0x2D ? -1 : 1) * (hours * 60 + minutes)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
