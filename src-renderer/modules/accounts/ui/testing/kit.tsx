// Accounts' UI tests use the shared page kit; this address stays so they keep importing it here.
export { errorBeside, fakeCore, mountPage, refusal } from '../../../../ui/testing/page-kit';
