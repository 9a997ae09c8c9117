/** Word lists for realistic-looking names. Changing them changes every seed's output. */
export const FIRST_NAMES = [
  'Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Amara', 'Kenji', 'Priya',
  'Chen', 'Fatima', 'Diego', 'Hannah', 'Ibrahim', 'Julia', 'Kwame', 'Lena', 'Marco', 'Nadia', 'Omar',
  'Paula', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zara',
  'Aiko', 'Bruno', 'Carmen', 'Dmitri', 'Elena', 'Farah', 'Gabriel', 'Hugo', 'Ines', 'Jonas', 'Keira',
] as const;

export const LAST_NAMES = [
  'Smith', 'Garcia', 'Nguyen', 'Kim', 'Okafor', 'Muller', 'Rossi', 'Tanaka', 'Patel', 'Silva', 'Cohen',
  'Dubois', 'Kowalski', 'Andersen', 'Haddad', 'Ivanova', 'Johansson', 'Khan', 'Lopez', 'Mensah',
  'Novak', 'OBrien', 'Park', 'Quinn', 'Reyes', 'Schmidt', 'Torres', 'Umar', 'Vargas', 'Wong', 'Yilmaz',
  'Zhang', 'Baker', 'Costa', 'Diaz', 'Evans', 'Fischer', 'Gomez', 'Hughes', 'Ito', 'Jensen', 'Larsen',
] as const;

export const COMPANIES = [
  'Northwind Traders', 'Contoso Pharma', 'Fabrikam Logistics', 'Tailspin Toys', 'Woodgrove Bank',
  'Adventure Works', 'Litware Health', 'Proseware Legal', 'Wingtip Energy', 'Alpine Ski House',
] as const;

export const EXTERNAL_DOMAINS = ['gmail.com', 'outlook.com', 'partner-consulting.com', 'acme-supplier.io', 'lawfirm-llp.com'] as const;

export const JOB_TITLES = [
  'Account Manager', 'Financial Analyst', 'HR Generalist', 'Software Engineer', 'Legal Counsel',
  'Marketing Lead', 'Operations Manager', 'Sales Director', 'IT Administrator', 'Controller',
] as const;

export const TOP_FOLDERS = [
  'Finance', 'Human Resources', 'Legal', 'Marketing', 'Sales', 'Engineering', 'Operations', 'Projects',
  'Clients', 'Board Materials', 'Procurement', 'Personal', 'Shared Drafts', 'Archive',
] as const;

export const SUB_FOLDERS = [
  '2021', '2022', '2023', '2024', '2025', 'Q1', 'Q2', 'Q3', 'Q4', 'Contracts', 'Invoices', 'Drafts',
  'Final', 'Templates', 'Reports', 'Payroll', 'Onboarding', 'Campaigns', 'Design', 'Specs',
  'Meeting Notes', 'Vendors', 'Budget', 'Audit', 'Presentations', 'Research', 'Exports', 'Old',
] as const;

export const TOPICS = [
  'Budget', 'Forecast', 'Payroll', 'Customer List', 'Contract', 'Invoice', 'Proposal', 'Roadmap',
  'Board Deck', 'Offer Letter', 'Expense Report', 'Vendor Agreement', 'Meeting Notes', 'Design Review',
  'Incident Report', 'Benefits Summary', 'Price List', 'Sales Pipeline', 'Audit Findings', 'NDA',
] as const;

export const QUALIFIERS = ['Final', 'Draft', 'v2', 'Signed', 'Review', 'Copy', 'Internal', 'FY2024', 'FY2025', 'Q3'] as const;
