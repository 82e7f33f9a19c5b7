extension ObjectShape {
    /// Where a key belongs when it is a field of a mapping nested in this one: the keys leading to that mapping
    /// (`["starting_material", "composition"]` for `malignant`), nearest first; `nil` when no nested mapping has it.
    ///
    /// A key written one level too high is a common slip, and its nearest spelling among the keys where it was
    /// written (`malignant_markers` for `malignant`) points the wrong way.
    func placement(of key: String) -> [String]? {
        var queue: [(shape: ObjectShape, path: [String])] = [(self, [])]
        while !queue.isEmpty {
            let (shape, path) = queue.removeFirst()
            if !path.isEmpty, shape.field(named: key) != nil { return path }
            for field in shape.fields {
                if case .object(let nested) = field.shape { queue.append((nested, path + [field.name])) }
            }
        }
        return nil
    }
}
