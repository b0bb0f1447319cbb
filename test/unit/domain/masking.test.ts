import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskCreditCode, maskIdNumber, maskName, maskPhone } from '../../../src/domain/masking.ts';

describe('masking for display', () => {
  it('shows the first 4 and last 4 of an ID number', () => {
    expect(maskIdNumber('371002199001011234')).toBe('3710**********1234');
    expect(maskIdNumber(' 37100219900101123X ')).toBe('3710**********123X');
    expect(maskIdNumber('371002900101123')).toBe('3710*******1123'); // 15-digit number issued before 1999
  });

  it('shows the first 3 and last 4 of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('shows only the last 4 of a bank account, whatever its length or spacing', () => {
    expect(maskBankAccount('6222021234567890123')).toBe('**** **** **** 0123');
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('**** **** **** 7890');
    expect(maskBankAccount('1234')).toBe('**** **** **** ****');
  });

  it('shows the first 6 and last 4 of a credit code', () => {
    expect(maskCreditCode('91371000MA3C8L139Q')).toBe('913710********139Q');
  });

  it('keeps only the surname of a Chinese name, including compound surnames', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('诸葛亮')).toBe('诸葛*');
    expect(maskName('欧阳')).toBe('欧*'); // two characters: surname 欧, given name 阳
    expect(maskName('买买提·艾力')).toBe('买**·**');
    expect(maskName('𠮷田')).toBe('𠮷*'); // a character outside the basic plane counts once
  });

  it('never reveals a value too short to hide anything', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskPhone('5678')).toBe('****');
    expect(maskName('张')).toBe('*');
    expect(maskIdNumber('')).toBe('');
  });
});
