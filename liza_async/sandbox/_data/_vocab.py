"""Vocabularies for realistic values: names, companies, places, titles, subjects, products."""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = [
    "ACCOUNTS",
    "CAMPAIGN_TOPICS",
    "CHANNELS",
    "CITIES",
    "COLLECTIONS",
    "COMPANY_STEMS",
    "COMPANY_WORDS",
    "CURRENCIES",
    "DEAL_PRODUCTS",
    "DEGREES",
    "FILES",
    "FIRST_NAMES",
    "FIRST_SLUGS",
    "LAST_NAMES",
    "LAST_SLUGS",
    "LEAD_SOURCES",
    "LEGAL_SUFFIXES",
    "LOST_REASONS",
    "MEETINGS",
    "MESSAGES",
    "PERSONAL_DOMAINS",
    "PRODUCT_ADJECTIVES",
    "PRODUCT_NOUNS",
    "PROJECTS",
    "SCHOOLS",
    "SKILLS",
    "SLUGS",
    "STREETS",
    "TASKS",
    "TICKET_SUBJECTS",
    "TITLES",
    "WON_REASONS",
    "City",
    "slug",
]


def slug(text: str, sep: str = "") -> str:
    """Return an ASCII, lowercase, email-safe spelling of ``text``.

    Args:
        text: e.g. ``"José O'Brien"``.
        sep: what replaces runs of other characters (spaces, apostrophes).

    Returns:
        e.g. ``"joseobrien"`` (or ``"jose-o-brien"`` with ``sep="-"``).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", sep, ascii_text.lower()).strip(sep)


FIRST_NAMES = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark",
    "Ashley", "Steven", "Emily", "Andrew", "Michelle", "Joshua", "Amanda", "Kevin", "Melissa",
    "Brian", "Stephanie", "George", "Rebecca", "Timothy", "Laura", "Ryan", "Hannah", "Jacob",
    "Olivia", "Ethan", "Sophia", "Noah", "Emma", "Liam", "Ava", "Lucas", "Mia", "Mateo",
    "Isabella", "Leo", "Chloé", "Hugo", "Léa", "Lukas", "Anna", "Finn", "Lena", "Jonas", "Sofía",
    "Diego", "Valentina", "João", "Beatriz", "Matteo", "Giulia", "Lars", "Ingrid", "Søren", "Freya",
    "Aarav", "Priya", "Arjun", "Ananya", "Wei", "Mei", "Hiroshi", "Yuki", "Min-jun", "Seo-yeon",
    "Omar", "Layla", "Tariq", "Amira", "Kwame", "Amara", "Chidi", "Zanele", "Mateus", "Camila",
    "Zoë", "Niamh", "Siobhan", "Ciarán", "Aisling", "Bartosz", "Zofia", "Dmitri", "Katya", "Elif",
)  # fmt: skip

LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
    "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
    "Campbell", "Mitchell", "Carter", "Roberts", "Müller", "Schmidt", "Schneider", "Fischer",
    "Weber", "Dubois", "Lefèvre", "Moreau", "Laurent", "Rossi", "Russo", "Ferrari", "Bianchi",
    "Jensen", "Nielsen", "Hansen", "Johansson", "Lindqvist", "Kowalski", "Nowak", "Novák",
    "Silva", "Santos", "Oliveira", "Costa", "Fernández", "Patel", "Sharma", "Singh", "Gupta",
    "Chen", "Wang", "Zhang", "Li", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Choi", "Haddad",
    "Khan", "Ali", "Okafor", "Mensah", "Dlamini", "O'Brien", "O'Connor", "Murphy", "Kelly",
    "MacLeod", "van der Berg", "de Vries", "Yilmaz", "Ivanov", "Petrov",
)  # fmt: skip

COMPANY_STEMS = (
    "Acme", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Coho",
    "Lucerne", "Wingtip", "Alpine", "Bluebird", "Cobalt", "Evergreen", "Granite", "Harbor",
    "Ironwood", "Juniper", "Keystone", "Lakeside", "Meridian", "Nimbus", "Orion", "Pinnacle",
    "Quantum", "Redwood", "Summit", "Trident", "Vertex", "Willow", "Zenith", "Aurora", "Beacon",
    "Cascade", "Delta", "Ember", "Falcon", "Glacier", "Horizon", "Indigo", "Jade", "Kestrel",
    "Lumen", "Monarch", "Nova", "Oakridge", "Polaris", "Quarry", "Riverbend", "Sequoia", "Tundra",
    "Umbra", "Vanguard", "Westwind", "Xenon", "Yellowstone", "Zephyr", "Atlas", "Bramble",
    "Cinder", "Drift", "Echo", "Fathom", "Gilded", "Helix", "Ionic", "Jetstream", "Kinetic",
    "Lattice", "Mosaic", "Nautilus", "Obsidian", "Prism", "Quill", "Radiant", "Sapphire",
    "Tessera", "Unity", "Velvet", "Wavelength", "Yarrow", "Zest", "Amber", "Basalt", "Copper",
    "Dune", "Elm", "Flint", "Grove", "Heron", "Ivory", "Jasper", "Kite", "Larch", "Maple",
    "Nectar", "Onyx", "Pebble", "Quartz", "Rowan", "Saffron", "Thistle", "Upland", "Verdant",
)  # fmt: skip

COMPANY_WORDS = (
    ("Labs", "Biotechnology"), ("Systems", "Information Technology"), ("Logistics", "Logistics"),
    ("Analytics", "Software"), ("Health", "Healthcare"), ("Robotics", "Industrial Automation"),
    ("Foods", "Food & Beverages"), ("Energy", "Renewable Energy"),
    ("Capital", "Financial Services"),
    ("Software", "Software"), ("Networks", "Telecommunications"), ("Dynamics", "Manufacturing"),
    ("Media", "Media"), ("Partners", "Management Consulting"), ("Solutions", "IT Services"),
    ("Studios", "Entertainment"), ("Bio", "Biotechnology"), ("Motors", "Automotive"),
    ("Retail", "Retail"), ("Consulting", "Management Consulting"), ("Cloud", "Software"),
    ("Security", "Computer & Network Security"), ("Ventures", "Venture Capital"),
    ("Industries", "Manufacturing"), ("Pharma", "Pharmaceuticals"), ("Pay", "Financial Services"),
    ("Learning", "Education"), ("Travel", "Travel & Tourism"), ("Apparel", "Apparel & Fashion"),
    ("Devices", "Consumer Electronics"), ("Materials", "Chemicals"), ("Works", "Construction"),
    ("Data", "Software"), ("AI", "Artificial Intelligence"), ("Marine", "Maritime"),
    ("Aerospace", "Aviation & Aerospace"), ("Farms", "Agriculture"),
    ("Brewing", "Food & Beverages"),
    ("Insurance", "Insurance"), ("Realty", "Real Estate"), ("Outfitters", "Sporting Goods"),
    ("Telecom", "Telecommunications"), ("Games", "Computer Games"), ("Medical", "Medical Devices"),
    ("Freight", "Transportation"), ("Design", "Design"), ("Legal", "Legal Services"),
    ("Hospitality", "Hospitality"), ("Solar", "Renewable Energy"), ("Foundry", "Semiconductors"),
)  # fmt: skip

LEGAL_SUFFIXES = ("Inc.", "LLC", "Ltd", "GmbH", "S.A.", "B.V.", "AB", "Pty Ltd", "SAS", "Corp.")


@attrs.frozen
class City:
    """A place with everything an address, a phone number and a locale need."""

    city: str
    region: str
    region_code: str
    country: str
    country_code: str
    calling_code: str
    area_codes: tuple[str, ...]
    subscriber_digits: int
    postal_codes: tuple[str, ...]
    timezone: str
    currency: str
    locale: str


CITIES = (
    City("San Francisco", "California", "CA", "United States", "US", "1", ("415", "628"), 7,
         ("94103", "94105", "94107", "94110"), "America/Los_Angeles", "USD", "en-US"),
    City("New York", "New York", "NY", "United States", "US", "1", ("212", "646", "917"), 7,
         ("10001", "10013", "10016", "10036"), "America/New_York", "USD", "en-US"),
    City("Austin", "Texas", "TX", "United States", "US", "1", ("512", "737"), 7,
         ("78701", "78702", "78704"), "America/Chicago", "USD", "en-US"),
    City("Chicago", "Illinois", "IL", "United States", "US", "1", ("312", "773"), 7,
         ("60601", "60606", "60611"), "America/Chicago", "USD", "en-US"),
    City("Seattle", "Washington", "WA", "United States", "US", "1", ("206",), 7,
         ("98101", "98104", "98109"), "America/Los_Angeles", "USD", "en-US"),
    City("Boston", "Massachusetts", "MA", "United States", "US", "1", ("617", "857"), 7,
         ("02108", "02110", "02116"), "America/New_York", "USD", "en-US"),
    City("Denver", "Colorado", "CO", "United States", "US", "1", ("303", "720"), 7,
         ("80202", "80205"), "America/Denver", "USD", "en-US"),
    City("Toronto", "Ontario", "ON", "Canada", "CA", "1", ("416", "647"), 7,
         ("M5V 2T6", "M4W 1A8", "M5H 2N2"), "America/Toronto", "CAD", "en-CA"),
    City("Montréal", "Québec", "QC", "Canada", "CA", "1", ("514", "438"), 7,
         ("H2Y 1C6", "H3B 4W8"), "America/Toronto", "CAD", "fr-CA"),
    City("London", "England", "ENG", "United Kingdom", "GB", "44", ("20",), 8,
         ("EC1V 9BD", "SW1A 1AA", "E1 6AN", "WC2N 5DU"), "Europe/London", "GBP", "en-GB"),
    City("Manchester", "England", "ENG", "United Kingdom", "GB", "44", ("161",), 7,
         ("M1 1AE", "M2 3WQ"), "Europe/London", "GBP", "en-GB"),
    City("Edinburgh", "Scotland", "SCT", "United Kingdom", "GB", "44", ("131",), 7,
         ("EH1 1YZ", "EH2 2ER"), "Europe/London", "GBP", "en-GB"),
    City("Dublin", "Leinster", "L", "Ireland", "IE", "353", ("1",), 7,
         ("D02 X285", "D04 V1W8"), "Europe/Dublin", "EUR", "en-IE"),
    City("Paris", "Île-de-France", "IDF", "France", "FR", "33", ("1",), 8,
         ("75002", "75008", "75011"), "Europe/Paris", "EUR", "fr-FR"),
    City("Lyon", "Auvergne-Rhône-Alpes", "ARA", "France", "FR", "33", ("4",), 8,
         ("69002", "69003"), "Europe/Paris", "EUR", "fr-FR"),
    City("Berlin", "Berlin", "BE", "Germany", "DE", "49", ("30",), 8,
         ("10115", "10178", "10437"), "Europe/Berlin", "EUR", "de-DE"),
    City("München", "Bayern", "BY", "Germany", "DE", "49", ("89",), 7,
         ("80331", "80469"), "Europe/Berlin", "EUR", "de-DE"),
    City("Amsterdam", "Noord-Holland", "NH", "Netherlands", "NL", "31", ("20",), 7,
         ("1012 JS", "1017 CT"), "Europe/Amsterdam", "EUR", "nl-NL"),
    City("Madrid", "Comunidad de Madrid", "MD", "Spain", "ES", "34", ("91",), 7,
         ("28013", "28001"), "Europe/Madrid", "EUR", "es-ES"),
    City("Barcelona", "Cataluña", "CT", "Spain", "ES", "34", ("93",), 7,
         ("08002", "08010"), "Europe/Madrid", "EUR", "es-ES"),
    City("Milano", "Lombardia", "LOM", "Italy", "IT", "39", ("02",), 8,
         ("20121", "20123"), "Europe/Rome", "EUR", "it-IT"),
    City("Stockholm", "Stockholms län", "AB", "Sweden", "SE", "46", ("8",), 7,
         ("111 22", "114 35"), "Europe/Stockholm", "SEK", "sv-SE"),
    City("København", "Hovedstaden", "84", "Denmark", "DK", "45", ("3",), 7,
         ("1050", "2100"), "Europe/Copenhagen", "DKK", "da-DK"),
    City("Zürich", "Zürich", "ZH", "Switzerland", "CH", "41", ("44",), 7,
         ("8001", "8004"), "Europe/Zurich", "CHF", "de-CH"),
    City("Warszawa", "Mazowieckie", "MZ", "Poland", "PL", "48", ("22",), 7,
         ("00-001", "02-672"), "Europe/Warsaw", "PLN", "pl-PL"),
    City("Lisboa", "Lisboa", "11", "Portugal", "PT", "351", ("21",), 7,
         ("1100-148", "1250-096"), "Europe/Lisbon", "EUR", "pt-PT"),
    City("São Paulo", "São Paulo", "SP", "Brazil", "BR", "55", ("11",), 8,
         ("01310-100", "04538-133"), "America/Sao_Paulo", "BRL", "pt-BR"),
    City("Ciudad de México", "Ciudad de México", "CMX", "Mexico", "MX", "52", ("55",), 8,
         ("06600", "11560"), "America/Mexico_City", "MXN", "es-MX"),
    City("Sydney", "New South Wales", "NSW", "Australia", "AU", "61", ("2",), 8,
         ("2000", "2010"), "Australia/Sydney", "AUD", "en-AU"),
    City("Melbourne", "Victoria", "VIC", "Australia", "AU", "61", ("3",), 8,
         ("3000", "3121"), "Australia/Melbourne", "AUD", "en-AU"),
    City("Auckland", "Auckland", "AUK", "New Zealand", "NZ", "64", ("9",), 7,
         ("1010", "1052"), "Pacific/Auckland", "NZD", "en-NZ"),
    City("Singapore", "Singapore", "SG", "Singapore", "SG", "65", ("6",), 7,
         ("018956", "048624"), "Asia/Singapore", "SGD", "en-SG"),
    City("Tokyo", "Tokyo", "13", "Japan", "JP", "81", ("3",), 8,
         ("100-0005", "150-0002"), "Asia/Tokyo", "JPY", "ja-JP"),
    City("Bengaluru", "Karnataka", "KA", "India", "IN", "91", ("80",), 8,
         ("560001", "560038"), "Asia/Kolkata", "INR", "en-IN"),
    City("Dubai", "Dubai", "DU", "United Arab Emirates", "AE", "971", ("4",), 7,
         ("00000",), "Asia/Dubai", "AED", "en-AE"),
    City("Cape Town", "Western Cape", "WC", "South Africa", "ZA", "27", ("21",), 7,
         ("8001", "8005"), "Africa/Johannesburg", "ZAR", "en-ZA"),
)  # fmt: skip

STREETS = (
    "Market St", "Main St", "Broadway", "Mission St", "Oak Ave", "Pine St", "Maple Ave",
    "Cedar Ln", "Elm St", "Park Ave", "Lake Shore Dr", "Harbor Blvd", "King St", "Queen St",
    "High St", "Church Rd", "Station Rd", "Mill Ln", "Riverside Dr", "Hillcrest Rd",
    "Sunset Blvd", "Commerce Way", "Innovation Dr", "Technology Pkwy", "Bridge St", "Union Sq",
)  # fmt: skip

TITLES = (
    ("Chief Executive Officer", "Executive"), ("Chief Technology Officer", "Engineering"),
    ("Chief Financial Officer", "Finance"), ("VP of Sales", "Sales"),
    ("VP of Marketing", "Marketing"), ("VP of Engineering", "Engineering"),
    ("Head of Operations", "Operations"), ("Head of People", "Human Resources"),
    ("Sales Director", "Sales"), ("Account Executive", "Sales"),
    ("Senior Account Executive", "Sales"), ("Sales Development Representative", "Sales"),
    ("Customer Success Manager", "Customer Success"), ("Support Engineer", "Support"),
    ("Marketing Manager", "Marketing"), ("Product Marketing Manager", "Marketing"),
    ("Growth Marketer", "Marketing"), ("Software Engineer", "Engineering"),
    ("Senior Software Engineer", "Engineering"), ("Staff Engineer", "Engineering"),
    ("Engineering Manager", "Engineering"), ("Data Scientist", "Data"),
    ("Data Engineer", "Data"), ("Product Manager", "Product"), ("Product Designer", "Design"),
    ("UX Researcher", "Design"), ("Financial Analyst", "Finance"), ("Controller", "Finance"),
    ("Accountant", "Finance"), ("Procurement Manager", "Operations"),
    ("Office Manager", "Operations"), ("IT Administrator", "IT"),
    ("Security Engineer", "IT"), ("Recruiter", "Human Resources"),
    ("HR Business Partner", "Human Resources"), ("Legal Counsel", "Legal"),
    ("Operations Analyst", "Operations"), ("Solutions Architect", "Sales"),
)  # fmt: skip

PERSONAL_DOMAINS = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de")

CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "JPY")

DEAL_PRODUCTS = (
    "Enterprise plan", "Team plan", "Annual renewal", "Pilot", "Platform expansion",
    "Professional services", "Onboarding package", "Multi-year agreement", "Add-on seats",
    "Support upgrade", "Data migration", "Proof of concept",
)  # fmt: skip

LEAD_SOURCES = (
    "Website", "Referral", "Trade show", "Cold call", "LinkedIn", "Webinar", "Partner",
    "Paid search", "Content download", "Event",
)  # fmt: skip

LOST_REASONS = (
    "Chose a competitor",
    "No budget",
    "Timing",
    "No decision",
    "Missing features",
    "Price",
)
WON_REASONS = ("Best fit", "Price", "Relationship", "Product quality", "Fast implementation")

TICKET_SUBJECTS = (
    "Cannot log in to my account", "Password reset email never arrives",
    "Invoice shows the wrong amount",
    "Refund request for order", "How do I export my data?", "API returns 500 on /orders",
    "Two-factor authentication code rejected", "Request to add a new user",
    "Billing address change",
    "Integration with Slack stopped syncing", "Feature request: dark mode",
    "Report is missing last week's data",
    "Mobile app crashes on startup", "Cannot upload files larger than 10 MB",
    "Shipment has not arrived",
    "Wrong item delivered", "Upgrade to annual plan", "Cancel my subscription",
    "SSO configuration help",
    "Webhook deliveries failing", "Duplicate charge on credit card", "Slow dashboard loading times",
    "Calendar sync shows wrong time zone", "Bulk import fails with CSV error",
    "GDPR data deletion request",
    "Question about pricing tiers", "Email notifications not received",
    "Account locked after failed attempts",
)  # fmt: skip

MEETINGS = (
    "Quarterly business review", "Product demo", "Weekly sync", "Discovery call", "1:1",
    "Sprint planning", "Design review", "Contract negotiation", "Onboarding kickoff",
    "Board meeting", "Interview: technical round", "Lunch & learn", "Customer workshop",
    "Roadmap review", "Retrospective", "All hands",
)  # fmt: skip

CHANNELS = (
    "general", "random", "engineering", "sales", "marketing", "support", "product", "design",
    "announcements", "deals", "incidents", "deploys", "customer-feedback", "hiring", "finance",
    "ops", "data", "security", "partners", "events", "watercooler", "leadership", "qa", "docs",
)  # fmt: skip

MESSAGES = (
    "Can someone take a look at this?", "Deployed to production, all green.",
    "Great work on the launch, team!", "Reminder: the QBR deck is due Friday.",
    "I've updated the forecast spreadsheet.", "Customer reported an issue with exports.",
    "Who owns the billing integration?", "Meeting moved to 3pm.", "Closed the deal with {company}!",
    "Please review the PR when you get a chance.", "The dashboard is back up.",
    "Heads-up: maintenance window tonight at 22:00 UTC.", "Thanks for the quick turnaround!",
    "Added notes from the call with {company}.", "Lunch order closes at 11:30.",
)  # fmt: skip

_OFFICE = "application/vnd.openxmlformats-officedocument"
FILES = (
    ("Q{q} board deck", "pdf", "application/pdf"),
    ("Sales forecast {y}", "xlsx", f"{_OFFICE}.spreadsheetml.sheet"),
    ("Contract - {company}", "pdf", "application/pdf"),
    ("Product roadmap {y}", "pptx", f"{_OFFICE}.presentationml.presentation"),
    ("Meeting notes {d}", "docx", f"{_OFFICE}.wordprocessingml.document"),
    ("Team photo", "jpg", "image/jpeg"),
    ("Logo", "png", "image/png"),
    ("Invoice {n}", "pdf", "application/pdf"),
    ("Customer list", "csv", "text/csv"),
    ("Architecture diagram", "svg", "image/svg+xml"),
    ("Onboarding guide", "md", "text/markdown"),
    ("Demo recording", "mp4", "video/mp4"),
    ("Backup {d}", "zip", "application/zip"),
    ("Release notes {v}", "txt", "text/plain"),
    ("Brand guidelines", "pdf", "application/pdf"),
    ("Budget {y}", "xlsx", f"{_OFFICE}.spreadsheetml.sheet"),
)

TASKS = (
    "Update onboarding docs", "Fix login redirect bug", "Prepare QBR slides", "Review Q{q} budget",
    "Migrate database to new cluster", "Write release notes", "Design new pricing page",
    "Set up CI pipeline", "Interview candidates for {title}", "Follow up with {company}",
    "Plan team offsite", "Audit access permissions", "Refresh brand assets", "Draft blog post",
    "Clean up CRM duplicates", "Renew SSL certificates", "Triage support backlog",
    "Localize checkout flow", "Benchmark API latency", "Archive old projects",
)  # fmt: skip

PROJECTS = (
    "Website redesign", "Mobile app v2", "Data platform", "Customer portal", "Q{q} launch",
    "Security hardening", "Billing migration", "Partner program", "Brand refresh",
    "Internal tools", "Onboarding revamp", "Analytics dashboard", "Compliance {y}",
    "Infrastructure upgrade", "Support automation",
)  # fmt: skip

SKILLS = (
    "Python", "TypeScript", "Go", "Rust", "Java", "SQL", "Kubernetes", "AWS", "GCP", "React",
    "Salesforce", "HubSpot", "Negotiation", "Public speaking", "Figma", "Data analysis",
    "Machine learning", "Project management", "Accounting", "Recruiting", "Copywriting", "SEO",
)  # fmt: skip

SCHOOLS = (
    "University of California, Berkeley", "Massachusetts Institute of Technology",
    "University of Toronto", "Imperial College London", "ETH Zürich", "Sorbonne Université",
    "Technische Universität München", "Universidad de Barcelona", "University of Melbourne",
    "National University of Singapore", "Indian Institute of Technology Bombay",
    "Universidade de São Paulo", "University of Cape Town", "Trinity College Dublin",
)  # fmt: skip

DEGREES = (
    ("Bachelor of Science", "Computer Science", "BACHELORS"),
    ("Bachelor of Arts", "Economics", "BACHELORS"),
    ("Master of Science", "Data Science", "MASTERS"),
    ("Master of Business Administration", "Business Administration", "MASTERS"),
    ("Bachelor of Engineering", "Electrical Engineering", "BACHELORS"),
    ("Doctor of Philosophy", "Physics", "DOCTORATE"),
    ("Associate of Arts", "Marketing", "ASSOCIATES"),
)

ACCOUNTS = (
    ("1000", "Cash", "BANK"), ("1010", "Checking Account", "BANK"),
    ("1020", "Savings Account", "BANK"), ("1100", "Accounts Receivable", "ACCOUNTS_RECEIVABLE"),
    ("1200", "Inventory", "OTHER"), ("1500", "Office Equipment", "FIXED_ASSET"),
    ("1510", "Computer Equipment", "FIXED_ASSET"), ("1520", "Vehicles", "FIXED_ASSET"),
    ("2000", "Accounts Payable", "ACCOUNTS_PAYABLE"),
    ("2100", "Company Credit Card", "CREDIT_CARD"),
    ("2200", "Sales Tax Payable", "LIABILITY"), ("2300", "Payroll Liabilities", "LIABILITY"),
    ("2500", "Long-term Loan", "LIABILITY"), ("3000", "Owner's Equity", "EQUITY"),
    ("3100", "Retained Earnings", "EQUITY"), ("4000", "Sales Revenue", "REVENUE"),
    ("4100", "Subscription Revenue", "REVENUE"), ("4200", "Services Revenue", "REVENUE"),
    ("4900", "Other Income", "REVENUE"), ("5000", "Cost of Goods Sold", "EXPENSE"),
    ("6000", "Advertising", "EXPENSE"), ("6100", "Bank Fees", "EXPENSE"),
    ("6200", "Rent", "EXPENSE"), ("6300", "Utilities", "EXPENSE"), ("6400", "Salaries", "EXPENSE"),
    ("6500", "Software Subscriptions", "EXPENSE"), ("6600", "Travel", "EXPENSE"),
    ("6700", "Meals & Entertainment", "EXPENSE"), ("6800", "Professional Fees", "EXPENSE"),
    ("6900", "Insurance", "EXPENSE"), ("7000", "Depreciation", "EXPENSE"),
    ("7100", "Office Supplies", "EXPENSE"),
)  # fmt: skip

PRODUCT_ADJECTIVES = (
    "Classic", "Essential", "Premium", "Organic", "Recycled", "Ultralight", "Vintage", "Smart",
    "Wireless", "Handmade", "Waterproof", "Compact", "Deluxe", "Everyday", "Heritage", "Urban",
)  # fmt: skip

PRODUCT_NOUNS = (
    ("T-Shirt", "Apparel", 25), ("Hoodie", "Apparel", 60), ("Sneakers", "Footwear", 95),
    ("Backpack", "Bags", 80), ("Water Bottle", "Accessories", 22), ("Coffee Beans", "Grocery", 16),
    ("Headphones", "Electronics", 150), ("Desk Lamp", "Home", 45), ("Notebook", "Stationery", 12),
    ("Sunglasses", "Accessories", 120), ("Yoga Mat", "Sports", 38), ("Candle", "Home", 18),
    ("Phone Case", "Electronics", 29), ("Wallet", "Accessories", 55),
    ("Rain Jacket", "Apparel", 140),
    ("Mug", "Home", 14), ("Watch", "Accessories", 220), ("Socks", "Apparel", 9),
)  # fmt: skip

COLLECTIONS = (
    "New Arrivals", "Best Sellers", "Summer Sale", "Gift Ideas", "Outdoor", "Home & Living",
    "Accessories", "Apparel", "Electronics", "Clearance", "Limited Edition", "Eco Friendly",
    "Back to School", "Holiday", "Staff Picks", "Under $25", "Premium", "Footwear",
)  # fmt: skip

CAMPAIGN_TOPICS = (
    "Spring newsletter", "Product launch", "Black Friday", "Webinar invitation",
    "Customer survey", "Feature update", "Holiday greetings", "Re-engagement",
    "Welcome series", "Case study", "Event recap", "Year in review",
)  # fmt: skip

SLUGS = {name: slug(name) for name in FIRST_NAMES + LAST_NAMES}
"""The email-safe spelling of every first and last name."""
FIRST_SLUGS = tuple(SLUGS[name] for name in FIRST_NAMES)
LAST_SLUGS = tuple(SLUGS[name] for name in LAST_NAMES)
