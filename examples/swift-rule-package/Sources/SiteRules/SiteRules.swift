import LintKit

/// The site's rules, registered by the site's processlint.
public enum SiteRules {
    public static let all: [any Rule] = [ValidatedCultureDurationRule()]
}
