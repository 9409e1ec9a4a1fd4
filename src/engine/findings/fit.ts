// Strategic fit (domain.md section 3): industry, company size, use case, technical environment.
// Names match ignoring case and surrounding spaces.
// Size both ways (too small, too large) and geography (Account.BillingCountry against the policy's
// countries, as ISO 3166 codes). A misfit needs a strategic review. An unknown industry, minimum
// revenue or country under a restriction cannot be confirmed as a fit, so it is a finding too; an
// unknown use case or environment is not, nor an unknown revenue under a maximum only.
import { countryCode } from '../countries.js';
import { finding, type Finding } from '../finding.js';
import type { Opportunity } from '../opportunity.js';
import { listIncludes } from '../parse.js';
import type { Policy } from '../policy.js';

export function fitFindings(o: Opportunity, policy: Policy, out: Finding[]): void {
  if (policy.focusIndustries !== null && !listIncludes(policy.focusIndustries, o.industry)) {
    out.push(finding('INDUSTRY_MISFIT', 'Account.Industry', { industry: o.industry, served: policy.focusIndustries }));
  }
  if (policy.minAnnualRevenue !== null && (o.annualRevenue === null || o.annualRevenue < policy.minAnnualRevenue)) {
    out.push(
      finding('COMPANY_TOO_SMALL', 'Account.AnnualRevenue', {
        annualRevenue: o.annualRevenue,
        minAnnualRevenue: policy.minAnnualRevenue,
      }),
    );
  }
  if (policy.maxAnnualRevenue !== null && o.annualRevenue !== null && o.annualRevenue > policy.maxAnnualRevenue) {
    out.push(
      finding('COMPANY_TOO_LARGE', 'Account.AnnualRevenue', {
        annualRevenue: o.annualRevenue,
        maxAnnualRevenue: policy.maxAnnualRevenue,
      }),
    );
  }
  if (policy.supportedCountries !== null) {
    const code = countryCode(o.billingCountry);
    if (code === null || !policy.supportedCountries.includes(code)) {
      out.push(
        finding('GEOGRAPHY_MISFIT', 'Account.BillingCountry', {
          country: o.billingCountry,
          countryCode: code,
          served: policy.supportedCountries,
        }),
      );
    }
  }
  if (policy.supportedUseCases !== null && o.useCase !== null && !listIncludes(policy.supportedUseCases, o.useCase)) {
    out.push(finding('USE_CASE_MISFIT', 'Use_Case__c', { useCase: o.useCase, served: policy.supportedUseCases }));
  }
  if (
    policy.supportedEnvironments !== null &&
    o.technicalEnvironment !== null &&
    !listIncludes(policy.supportedEnvironments, o.technicalEnvironment)
  ) {
    out.push(
      finding('ENVIRONMENT_MISFIT', 'Technical_Environment__c', {
        environment: o.technicalEnvironment,
        served: policy.supportedEnvironments,
      }),
    );
  }
}
