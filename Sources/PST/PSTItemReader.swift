internal import CPFF

/// Reads one libpff item into a `PSTItem`. Every libpff failure inside an item is
/// recorded in `PSTItem.problems` and the rest of the item is still read.
struct PSTItemReader {
    let limits: PSTLimits

    init(limits: PSTLimits) { self.limits = limits }

    /// Properties that are not copied into `fields`: bodies (read separately), transport
    /// headers (routing, not content), class and search keys.
    static let skippedTags: Set<UInt32> = [0x1000, 0x1009, 0x1013, 0x007d, 0x001a, 0x0037, 0x0c1a, 0x0c1f, 0x0e1d, 0x1035, 0x003b, 0x0051, 0x0052]

    static func free(_ item: inout UnsafeMutablePointer<libpff_item_t>?) {
        guard item != nil else { return }
        var e: PFFErrorPointer = nil
        libpff_item_free(&item, &e)
        if e != nil { libpff_error_free(&e) }
    }

    func read(_ item: UnsafeMutablePointer<libpff_item_t>, folderPath: [String], index: Int, depth: Int) -> PSTItem {
        var out = PSTItem(folderPath: folderPath, index: index, kind: .other)
        var type: UInt8 = 0
        _ = try? pffCall("reading the item type") { libpff_item_get_type(item, &type, $0) }
        out.kind = Self.kind(type)
        out.messageClass = Self.messageString(item, UInt32(LIBPFF_ENTRY_TYPE_MESSAGE_CLASS.rawValue))
        out.subject = Self.messageString(item, UInt32(LIBPFF_ENTRY_TYPE_MESSAGE_SUBJECT.rawValue)).map(Self.stripSubjectPrefix)
        out.internetMessageID = Self.messageString(item, 0x1035)
        out.senderName = Self.messageString(item, UInt32(LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_NAME.rawValue))
        out.senderAddress = Self.messageString(item, UInt32(LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_EMAIL_ADDRESS.rawValue))
        out.recipients = recipients(item, problems: &out.problems)
        out.plainBody = body(item, "plain text", libpff_message_get_plain_text_body_size, libpff_message_get_plain_text_body, problems: &out.problems)
            .map { String(decoding: $0, as: UTF8.self) }
        out.htmlBody = body(item, "HTML", libpff_message_get_html_body_size, libpff_message_get_html_body, problems: &out.problems)
            .map(Self.lenientText)
        out.rtfBody = body(item, "RTF", libpff_message_get_rtf_body_size, libpff_message_get_rtf_body, problems: &out.problems)
        out.fields = Self.stringFields(item)
        out.attachments = attachments(item, folderPath: folderPath, depth: depth, problems: &out.problems)
        return out
    }

    static func kind(_ type: UInt8) -> PSTItem.Kind {
        switch UInt32(type) {
        case LIBPFF_ITEM_TYPE_EMAIL.rawValue, LIBPFF_ITEM_TYPE_EMAIL_SMIME.rawValue, LIBPFF_ITEM_TYPE_POSTING_NOTE.rawValue,
             LIBPFF_ITEM_TYPE_FAX.rawValue, LIBPFF_ITEM_TYPE_SMS.rawValue, LIBPFF_ITEM_TYPE_MMS.rawValue,
             LIBPFF_ITEM_TYPE_VOICEMAIL.rawValue, LIBPFF_ITEM_TYPE_RSS_FEED.rawValue, LIBPFF_ITEM_TYPE_SHARING.rawValue:
            return .message
        case LIBPFF_ITEM_TYPE_CONTACT.rawValue: return .contact
        case LIBPFF_ITEM_TYPE_APPOINTMENT.rawValue: return .appointment
        case LIBPFF_ITEM_TYPE_MEETING.rawValue: return .meeting
        case LIBPFF_ITEM_TYPE_TASK.rawValue, LIBPFF_ITEM_TYPE_TASK_REQUEST.rawValue: return .task
        case LIBPFF_ITEM_TYPE_NOTE.rawValue: return .note
        case LIBPFF_ITEM_TYPE_DISTRIBUTION_LIST.rawValue: return .distributionList
        default: return .other
        }
    }

    /// MAPI subjects may start with a control character and a length byte (the
    /// normalised-subject prefix marker); drop it.
    static func stripSubjectPrefix(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars
        if let f = scalars.first, f.value == 0x01 {
            scalars.removeFirst()
            if !scalars.isEmpty { scalars.removeFirst() }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func lenientText(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var v = String.UnicodeScalarView()
        for b in bytes { v.append(Unicode.Scalar(b)) }
        return String(v)
    }

    static func trimNUL(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        while b.last == 0 { b.removeLast() }
        return b
    }

    static func messageString(_ item: UnsafeMutablePointer<libpff_item_t>, _ tag: UInt32) -> String? {
        var size = 0
        guard (try? pffCall("reading a string size") { libpff_message_get_entry_value_utf8_string_size(item, tag, &size, $0) }) == 1,
              size > 0, size < 64 << 20 else { return nil }
        var buf = [UInt8](repeating: 0, count: size)
        guard (try? pffCall("reading a string") { libpff_message_get_entry_value_utf8_string(item, tag, &buf, size, $0) }) == 1 else { return nil }
        let s = String(decoding: trimNUL(buf), as: UTF8.self)
        return s.isEmpty ? nil : s
    }

    static func folderName(_ folder: UnsafeMutablePointer<libpff_item_t>) -> String? {
        var size = 0
        guard (try? pffCall("reading a folder name size") { libpff_folder_get_utf8_name_size(folder, &size, $0) }) == 1,
              size > 0, size < 1 << 20 else { return nil }
        var buf = [UInt8](repeating: 0, count: size)
        guard (try? pffCall("reading a folder name") { libpff_folder_get_utf8_name(folder, &buf, size, $0) }) == 1 else { return nil }
        let s = String(decoding: trimNUL(buf), as: UTF8.self)
        return s.isEmpty ? nil : s
    }

    /// A 32-bit integer property of record set 0.
    static func uint32(_ item: UnsafeMutablePointer<libpff_item_t>, entry tag: UInt32) -> UInt32? {
        var set: UnsafeMutablePointer<libpff_record_set_t>?
        guard (try? pffCall("reading record set 0") { libpff_item_get_record_set_by_index(item, 0, &set, $0) }) == 1, set != nil else { return nil }
        defer { var e: PFFErrorPointer = nil; libpff_record_set_free(&set, &e); if e != nil { libpff_error_free(&e) } }
        var entry: UnsafeMutablePointer<libpff_record_entry_t>?
        guard (try? pffCall("finding an entry") { libpff_record_set_get_entry_by_type(set, tag, CPFF_VALUE_TYPE_INTEGER_32(), &entry, 0, $0) }) == 1,
              entry != nil else { return nil }
        defer { var e: PFFErrorPointer = nil; libpff_record_entry_free(&entry, &e); if e != nil { libpff_error_free(&e) } }
        var v: UInt32 = 0
        guard (try? pffCall("reading an integer") { libpff_record_entry_get_data_as_32bit_integer(entry, &v, $0) }) == 1 else { return nil }
        return v
    }

    /// Every string property of every record set, in order, as (label, value).
    static func stringFields(_ item: UnsafeMutablePointer<libpff_item_t>, skipping: Set<UInt32> = skippedTags) -> [(label: String, value: String)] {
        var out: [(label: String, value: String)] = []
        var sets: Int32 = 0
        guard (try? pffCall("counting record sets") { libpff_item_get_number_of_record_sets(item, &sets, $0) }) == 1 else { return out }
        for s in 0..<min(sets, 10_000) {
            var set: UnsafeMutablePointer<libpff_record_set_t>?
            guard (try? pffCall("reading a record set") { libpff_item_get_record_set_by_index(item, s, &set, $0) }) == 1, set != nil else { continue }
            defer { var e: PFFErrorPointer = nil; libpff_record_set_free(&set, &e); if e != nil { libpff_error_free(&e) } }
            var count: Int32 = 0
            guard (try? pffCall("counting entries") { libpff_record_set_get_number_of_entries(set, &count, $0) }) == 1 else { continue }
            for j in 0..<min(count, 100_000) {
                var entry: UnsafeMutablePointer<libpff_record_entry_t>?
                guard (try? pffCall("reading an entry") { libpff_record_set_get_entry_by_index(set, j, &entry, $0) }) == 1, entry != nil else { continue }
                defer { var e: PFFErrorPointer = nil; libpff_record_entry_free(&entry, &e); if e != nil { libpff_error_free(&e) } }
                var tag: UInt32 = 0, valueType: UInt32 = 0
                guard (try? pffCall("reading an entry type") { libpff_record_entry_get_entry_type(entry, &tag, $0) }) == 1,
                      (try? pffCall("reading a value type") { libpff_record_entry_get_value_type(entry, &valueType, $0) }) == 1,
                      valueType == CPFF_VALUE_TYPE_STRING_UNICODE() || valueType == CPFF_VALUE_TYPE_STRING_ASCII(),
                      !skipping.contains(tag) else { continue }
                var size = 0
                guard (try? pffCall("reading a string size") { libpff_record_entry_get_data_as_utf8_string_size(entry, &size, $0) }) == 1,
                      size > 1, size < 16 << 20 else { continue }
                var buf = [UInt8](repeating: 0, count: size)
                guard (try? pffCall("reading a string") { libpff_record_entry_get_data_as_utf8_string(entry, &buf, size, $0) }) == 1 else { continue }
                let value = String(decoding: trimNUL(buf), as: UTF8.self)
                if !value.isEmpty { out.append((tag >= 0x8000 ? namedLabel(entry!, tag) : PSTPropertyNames.label(tag), value)) }
            }
        }
        return out
    }

    /// The label of a named property (tags 0x8000 and up are assigned per store): its
    /// string name, or a known numeric name (`Email1EmailAddress`), else `0xNNNN`.
    /// The map entry belongs to the file; libpff has no call to free it.
    static func namedLabel(_ entry: UnsafeMutablePointer<libpff_record_entry_t>, _ tag: UInt32) -> String {
        var named: UnsafeMutablePointer<libpff_name_to_id_map_entry_t>?
        guard (try? pffCall("reading a property name") { libpff_record_entry_get_name_to_id_map_entry(entry, &named, $0) }) == 1,
              named != nil else { return PSTPropertyNames.label(tag) }
        var type: UInt8 = 0
        guard (try? pffCall("reading a property name type") { libpff_name_to_id_map_entry_get_type(named, &type, $0) }) == 1 else {
            return PSTPropertyNames.label(tag)
        }
        if type == UInt8(LIBPFF_NAME_TO_ID_MAP_ENTRY_TYPE_NUMERIC.rawValue) {
            var number: UInt32 = 0
            guard (try? pffCall("reading a property number") { libpff_name_to_id_map_entry_get_number(named, &number, $0) }) == 1 else {
                return PSTPropertyNames.label(tag)
            }
            return PSTPropertyNames.namedLabels[number] ?? PSTPropertyNames.label(tag)
        }
        var size = 0
        guard (try? pffCall("reading a property name size") { libpff_name_to_id_map_entry_get_utf8_string_size(named, &size, $0) }) == 1,
              size > 1, size < 4096 else { return PSTPropertyNames.label(tag) }
        var buf = [UInt8](repeating: 0, count: size)
        guard (try? pffCall("reading a property name") { libpff_name_to_id_map_entry_get_utf8_string(named, &buf, size, $0) }) == 1 else {
            return PSTPropertyNames.label(tag)
        }
        let name = String(decoding: trimNUL(buf), as: UTF8.self).filter { !$0.isNewline }
        return name.isEmpty ? PSTPropertyNames.label(tag) : name
    }

    typealias SizeFunction = (UnsafeMutablePointer<libpff_item_t>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<PFFErrorPointer>?) -> Int32
    typealias BodyFunction = (UnsafeMutablePointer<libpff_item_t>?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<PFFErrorPointer>?) -> Int32

    func body(_ item: UnsafeMutablePointer<libpff_item_t>, _ what: String, _ sizeOf: SizeFunction, _ get: BodyFunction,
              problems: inout [String]) -> [UInt8]? {
        var size = 0
        do {
            guard try pffCall("reading the \(what) body size", { sizeOf(item, &size, $0) }) == 1, size > 0 else { return nil }
        } catch {
            problems.append(error.description)
            return nil
        }
        guard size <= limits.maxBodyBytes else {
            problems.append("\(what) body over \(limits.maxBodyBytes) bytes")
            return nil
        }
        var buf = [UInt8](repeating: 0, count: size)
        do {
            guard try pffCall("reading the \(what) body", { get(item, &buf, size, $0) }) == 1 else { return nil }
        } catch {
            problems.append(error.description)
            return nil
        }
        let trimmed = Self.trimNUL(buf)
        return trimmed.isEmpty ? nil : trimmed
    }

    func recipients(_ item: UnsafeMutablePointer<libpff_item_t>, problems: inout [String]) -> [PSTItem.Recipient] {
        var list: UnsafeMutablePointer<libpff_item_t>?
        do {
            guard try pffCall("reading the recipients", { libpff_message_get_recipients(item, &list, $0) }) == 1, list != nil else { return [] }
        } catch {
            problems.append(error.description)
            return []
        }
        defer { Self.free(&list) }
        var out: [PSTItem.Recipient] = []
        var sets: Int32 = 0
        guard (try? pffCall("counting recipients") { libpff_item_get_number_of_record_sets(list, &sets, $0) }) == 1 else { return [] }
        for s in 0..<min(sets, 100_000) {
            var set: UnsafeMutablePointer<libpff_record_set_t>?
            guard (try? pffCall("reading a recipient") { libpff_item_get_record_set_by_index(list, s, &set, $0) }) == 1, set != nil else { continue }
            defer { var e: PFFErrorPointer = nil; libpff_record_set_free(&set, &e); if e != nil { libpff_error_free(&e) } }
            let name = Self.setString(set!, UInt32(LIBPFF_ENTRY_TYPE_DISPLAY_NAME.rawValue)) ?? Self.setString(set!, UInt32(LIBPFF_ENTRY_TYPE_RECIPIENT_DISPLAY_NAME.rawValue))
            let address = Self.setString(set!, 0x39fe) ?? Self.setString(set!, UInt32(LIBPFF_ENTRY_TYPE_EMAIL_ADDRESS.rawValue))
            if name != nil || address != nil { out.append(.init(name: name, address: address)) }
        }
        return out
    }

    /// A string property of a record set (Unicode or 8-bit).
    static func setString(_ set: UnsafeMutablePointer<libpff_record_set_t>, _ tag: UInt32) -> String? {
        var entry: UnsafeMutablePointer<libpff_record_entry_t>?
        let flags = UInt8(LIBPFF_ENTRY_VALUE_FLAG_MATCH_ANY_VALUE_TYPE.rawValue)
        guard (try? pffCall("finding an entry") { libpff_record_set_get_entry_by_type(set, tag, 0, &entry, flags, $0) }) == 1, entry != nil else { return nil }
        defer { var e: PFFErrorPointer = nil; libpff_record_entry_free(&entry, &e); if e != nil { libpff_error_free(&e) } }
        var size = 0
        guard (try? pffCall("reading a string size") { libpff_record_entry_get_data_as_utf8_string_size(entry, &size, $0) }) == 1,
              size > 1, size < 16 << 20 else { return nil }
        var buf = [UInt8](repeating: 0, count: size)
        guard (try? pffCall("reading a string") { libpff_record_entry_get_data_as_utf8_string(entry, &buf, size, $0) }) == 1 else { return nil }
        let s = String(decoding: trimNUL(buf), as: UTF8.self)
        return s.isEmpty ? nil : s
    }

    func attachments(_ item: UnsafeMutablePointer<libpff_item_t>, folderPath: [String], depth: Int,
                     problems: inout [String]) -> [PSTItem.Attachment] {
        var count: Int32 = 0
        do {
            guard try pffCall("counting attachments", { libpff_message_get_number_of_attachments(item, &count, $0) }) == 1 else { return [] }
        } catch {
            problems.append(error.description)
            return []
        }
        var out: [PSTItem.Attachment] = []
        for i in 0..<min(count, 100_000) {
            var att: UnsafeMutablePointer<libpff_item_t>?
            do {
                try pffCall("reading attachment \(i + 1)") { libpff_message_get_attachment(item, i, &att, $0) }
            } catch {
                problems.append(error.description)
                continue
            }
            guard att != nil else { continue }
            defer { Self.free(&att) }
            var type: Int32 = 0
            _ = try? pffCall("reading an attachment type") { libpff_attachment_get_type(att, &type, $0) }
            let name = Self.attachmentName(att!)
            if type == Int32(LIBPFF_ATTACHMENT_TYPE_ITEM.rawValue) {
                guard depth < limits.maxEmbeddedDepth else {
                    problems.append("embedded message deeper than \(limits.maxEmbeddedDepth) levels")
                    continue
                }
                var embedded: UnsafeMutablePointer<libpff_item_t>?
                do {
                    guard try pffCall("reading embedded message \(i + 1)", { libpff_attachment_get_item(att, &embedded, $0) }) == 1, embedded != nil else { continue }
                } catch {
                    problems.append(error.description)
                    continue
                }
                let inner = read(embedded!, folderPath: folderPath, index: 1, depth: depth + 1)
                Self.free(&embedded)
                out.append(.init(name: name, data: [], truncated: false, embedded: [inner]))
                continue
            }
            guard type == Int32(LIBPFF_ATTACHMENT_TYPE_DATA.rawValue) else { continue }
            var size: UInt64 = 0
            do {
                guard try pffCall("reading attachment \(i + 1) size", { libpff_attachment_get_data_size(att, &size, $0) }) == 1 else { continue }
            } catch {
                problems.append(error.description)
                continue
            }
            let keep = Int(min(size, UInt64(limits.maxAttachmentBytes)))
            var data = [UInt8](repeating: 0, count: keep)
            var filled = 0
            var failed = false
            while filled < keep {
                var e: PFFErrorPointer = nil
                let n = data.withUnsafeMutableBufferPointer { libpff_attachment_data_read_buffer(att, $0.baseAddress! + filled, keep - filled, &e) }
                if n < 0 {
                    problems.append(PSTError(operation: "reading attachment \(i + 1) data", message: pffMessage(e)).description)
                    if e != nil { libpff_error_free(&e) }
                    failed = true
                    break
                }
                if n == 0 { break }
                filled += n
            }
            data.removeSubrange(filled...)
            out.append(.init(name: name, data: data, truncated: failed || UInt64(filled) < size, embedded: []))
        }
        return out
    }

    static func attachmentName(_ att: UnsafeMutablePointer<libpff_item_t>) -> String? {
        var set: UnsafeMutablePointer<libpff_record_set_t>?
        guard (try? pffCall("reading attachment properties") { libpff_item_get_record_set_by_index(att, 0, &set, $0) }) == 1, set != nil else { return nil }
        defer { var e: PFFErrorPointer = nil; libpff_record_set_free(&set, &e); if e != nil { libpff_error_free(&e) } }
        for tag in [UInt32(LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_LONG.rawValue), UInt32(LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_SHORT.rawValue),
                    UInt32(LIBPFF_ENTRY_TYPE_DISPLAY_NAME.rawValue)] {
            if let s = setString(set!, tag) { return s }
        }
        return nil
    }
}
